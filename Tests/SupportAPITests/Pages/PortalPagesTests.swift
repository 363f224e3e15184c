import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SupportSchema
import SupportStore
import Testing

/// The server-rendered requester portal over HTTP, on real PostgreSQL: sessions, CSRF, own tickets only,
/// escaping, and the intake path behind the forms. The browser drives the same pages in `BrowserTests`.
struct PortalPagesTests {
    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var location: String? { headers[.location] }
        /// The session cookie a sign-in set.
        var cookie: String? {
            headers[values: .setCookie].first { $0.hasPrefix("support_session=") }.flatMap { $0.split(separator: ";").first.map(String.init) }
        }
        var csrf: String? {
            guard let range = body.range(of: #"name="csrf" value=""#) else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    static func page(_ app: AuthFixture, _ method: HTTPRequest.Method, _ uri: String, cookie: String? = nil, form: [String: String]? = nil) async throws -> Page {
        var headers: HTTPFields = [.acceptLanguage: "ru"]
        if let cookie { headers[.cookie] = cookie }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            let encoded = form.map { key, value in
                "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }.joined(separator: "&")
            body = ByteBuffer(string: encoded)
        }
        return try await app.http.execute(uri: uri, method: method, headers: headers, body: body) {
            Page(status: $0.status, headers: $0.headers, body: String(buffer: $0.body))
        }
    }

    static func signIn(_ app: AuthFixture, _ email: String) async throws -> String {
        let reply = try await page(app, .post, "/portal/login", form: ["email": email, "password": AuthFixture.password])
        #expect(reply.status == .seeOther && reply.location == "/portal", "\(reply.status) \(reply.body.prefix(300))")
        return try #require(reply.cookie)
    }

    @Test func signInShowsOnlyOwnRequestsEscaped() async throws {
        try await AuthFixture.with { app in
            let vera = try await app.requester("vera@example.com")
            let boris = try await app.requester("boris@example.com")
            _ = try await app.ticket(of: vera, subject: "Выплата <script>alert(1)</script>")
            let other = try await app.ticket(of: boris, subject: "Чужое обращение")

            let anonymous = try await Self.page(app, .get, "/portal")
            #expect(anonymous.status == .seeOther && anonymous.location == "/portal/login")
            let wrong = try await Self.page(app, .post, "/portal/login", form: ["email": "vera@example.com", "password": "nope"])
            #expect(wrong.status == .unauthorized && wrong.body.contains("Неверная почта или пароль") && wrong.cookie == nil)
            let staffAccount = try await app.staff("agent@desk.local", roles: [.agent])
            _ = staffAccount
            let asStaff = try await Self.page(app, .post, "/portal/login", form: ["email": "agent@desk.local", "password": AuthFixture.password])
            #expect(asStaff.status == .unauthorized, "the portal signs in requesters only")

            let cookie = try await Self.signIn(app, "vera@example.com")
            let home = try await Self.page(app, .get, "/portal", cookie: cookie)
            #expect(home.status == .ok && home.headers[.contentType] == "text/html; charset=utf-8")
            #expect(home.body.contains("Мои обращения") && home.body.contains("Выплата &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!home.body.contains("<script>") && !home.body.contains("Чужое обращение"))
            #expect(try await Self.page(app, .get, "/portal/tickets/\(other.rawValue)", cookie: cookie).status == .notFound)
        }
    }

    @Test func formsNeedTheSessionsCSRFValueAndGoThroughIntake() async throws {
        try await AuthFixture.with { app in
            let vera = try await app.requester("vera@example.com")
            let cookie = try await Self.signIn(app, "vera@example.com")
            let home = try await Self.page(app, .get, "/portal", cookie: cookie)
            let csrf = try #require(home.csrf)

            let forged = try await Self.page(app, .post, "/portal/requests", cookie: cookie, form: ["csrf": "x", "body": "Помогите"])
            #expect(forged.status == .forbidden)
            let blank = try await Self.page(app, .post, "/portal/requests", cookie: cookie, form: ["csrf": csrf, "body": "   "])
            #expect(blank.status == .seeOther && blank.location == "/portal?blank=1")
            #expect(try await app.int("SELECT count(*) FROM inbound_item") == 0)

            let sent = try await Self.page(app, .post, "/portal/requests", cookie: cookie,
                                           form: ["csrf": csrf, "subject": "Выплата", "category": "payment", "body": "Не пришла выплата по сделке 12"])
            #expect(sent.status == .seeOther && sent.location == "/portal?sent=1")
            #expect(try await app.int("SELECT count(*) FROM inbound_item WHERE channel = 'web' AND convert_from(raw, 'UTF8')::jsonb->>'category' = 'payment'") == 1)
            #expect(try await Self.page(app, .get, "/portal?sent=1", cookie: cookie).body.contains("Обращение получено"))

            let ticket = try await app.ticket(of: vera, subject: "Выплата")
            try await app.message(ticket, body: "Проверим и ответим", staff: try await app.staff("agent@desk.local", roles: [.agent]))
            let view = try await Self.page(app, .get, "/portal/tickets/\(ticket.rawValue)", cookie: cookie)
            #expect(view.status == .ok && view.body.contains("Проверим и ответим"), "\(view.body.prefix(500))")
            let replied = try await Self.page(app, .post, "/portal/tickets/\(ticket.rawValue)/reply", cookie: cookie, form: ["csrf": csrf, "body": "Спасибо"])
            #expect(replied.status == .seeOther && replied.location == "/portal/tickets/\(ticket.rawValue)?sent=1")
            #expect(try await app.int("SELECT count(*) FROM inbound_item WHERE (convert_from(raw, 'UTF8')::jsonb->>'ticket_number')::bigint = (SELECT number FROM ticket WHERE id = \(ticket.rawValue))") == 1)

            let out = try await Self.page(app, .post, "/portal/logout", cookie: cookie, form: ["csrf": csrf])
            #expect(out.status == .seeOther && out.location == "/portal/login")
            #expect(try await Self.page(app, .get, "/portal", cookie: cookie).status == .seeOther, "the token is revoked")
        }
    }

    @Test func aFinishedRequestIsRatedOnItsPageOrThroughTheMailedLink() async throws {
        try await AuthFixture.with { app in
            let vera = try await app.requester("vera@example.com")
            let open = try await app.ticket(of: vera, subject: "Ещё в работе")
            let done = try await app.ticket(of: vera, subject: "Решено")
            let mailed = try await app.ticket(of: vera, subject: "По почте")
            _ = try await app.int("UPDATE ticket SET status = 'resolved', resolved_at = now() WHERE id IN (\(done.rawValue), \(mailed.rawValue)) RETURNING 1")
            let cookie = try await Self.signIn(app, "vera@example.com")
            #expect(!(try await Self.page(app, .get, "/portal/tickets/\(open.rawValue)", cookie: cookie)).body.contains("name=\"score\""))
            let page = try await Self.page(app, .get, "/portal/tickets/\(done.rawValue)", cookie: cookie)
            #expect(page.body.contains("name=\"score\""), "a finished request offers the rating")
            let csrf = try #require(page.csrf)
            let rated = try await Self.page(app, .post, "/portal/tickets/\(done.rawValue)/rate", cookie: cookie,
                                            form: ["csrf": csrf, "score": "4", "comment": "Быстро"])
            #expect(rated.status == .seeOther && rated.location == "/portal/tickets/\(done.rawValue)?rated=1")
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(done.rawValue) AND csat_score = 4 AND csat_comment = 'Быстро'") == 1)

            let token = try await app.client.withConnection { connection in
                try await CSATLinkStore(connection: connection, logger: app.logger).create(for: mailed)
            }
            let form = try await Self.page(app, .get, "/portal/rate?token=\(token)")
            #expect(form.status == .ok && form.body.contains("value=\"\(token)\""))
            let bad = try await Self.page(app, .post, "/portal/rate", form: ["token": "forged", "score": "5"])
            #expect(bad.status == .conflict && bad.body.contains("устарела"))
            let noScore = try await Self.page(app, .post, "/portal/rate", form: ["token": token, "score": "9"])
            #expect(noScore.status == .badRequest)
            let thanks = try await Self.page(app, .post, "/portal/rate", form: ["token": token, "score": "2", "comment": "Долго"])
            #expect(thanks.status == .ok && thanks.body.contains("Спасибо за оценку"), "\(thanks.body.suffix(400))")
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(mailed.rawValue) AND csat_score = 2") == 1)
        }
    }
}
