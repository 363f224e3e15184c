import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import SupportAPI
import SupportDomain
import SupportSchema
import SupportStore
import SupportTesting

/// A live API on a fresh database with helpers to create accounts and tickets directly in SQL and
/// to call the API as someone. bcrypt runs at cost 4 so tests stay fast.
struct AuthFixture: Sendable {
    let http: any TestClientProtocol
    let client: PostgresClient
    let logger: Logger
    /// For a worker next to the API (its dedicated connections).
    let connection: PostgresConnection.Configuration

    static let password = "correct horse battery"
    /// Hashed once: bcrypt even at cost 4 is worth not repeating for every account.
    static let passwordHash = PasswordHashing.hash(password, cost: 4)

    static func configuration() -> APIApplication.Configuration {
        var configuration = APIApplication.Configuration()
        configuration.bcryptCost = 4
        return configuration
    }

    /// - Parameter live: serve on a real loopback socket (peer addresses are known) instead of
    ///   calling the router directly.
    static func with(
        label: String = #function, configuration: APIApplication.Configuration = configuration(), live: Bool = false,
        _ body: @Sendable (AuthFixture) async throws -> Void
    ) async throws {
        try await TestDatabase.with(label: label, migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                let router = APIApplication.buildRouter(client: client, configuration: configuration, logger: db.logger)
                let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
                try await app.test(live ? .live : .router) { http in
                    try await body(AuthFixture(http: http, client: client, logger: db.logger, connection: db.settings.connectionConfiguration))
                }
            }
        }
    }

    // MARK: Data

    func int(_ query: PostgresQuery) async throws -> Int64 {
        try await client.query(query, logger: logger).collect().first!.decode(Int64.self)
    }

    @discardableResult
    func staff(_ email: String, roles: [Role], telegram: Int64? = nil, active: Bool = true) async throws -> StaffID {
        StaffID(try await int(
            """
            INSERT INTO staff (name, email, roles, password_hash, telegram_user_id, active)
            VALUES (\(email), \(email), \(roles.map(\.rawValue)), \(Self.passwordHash), \(telegram), \(active)) RETURNING id
            """))
    }

    /// A requester with a portal password and an email identity.
    @discardableResult
    func requester(_ email: String, password: Bool = true) async throws -> RequesterID {
        let hash: String? = password ? Self.passwordHash : nil
        let id = try await int("INSERT INTO requester (display_name, password_hash) VALUES (\(email), \(hash)) RETURNING id")
        _ = try await client.query(
            "INSERT INTO requester_identity (requester_id, channel, external_id) VALUES (\(id), 'email', \(email))", logger: logger)
        return RequesterID(id)
    }

    @discardableResult
    func ticket(
        of requester: RequesterID, subject: String = "help", category: Category? = .question, confidential: Bool = false,
        named: StaffID? = nil, assignee: StaffID? = nil, status: TicketStatus = .open, priority: Priority = .normal, line: Line = .l1
    ) async throws -> TicketID {
        TicketID(try await int(
            """
            INSERT INTO ticket (requester_id, channel, subject, category, is_confidential, named_staff_id, assignee_id, status, priority, line)
            VALUES (\(requester.rawValue), 'web', \(subject), \(category?.rawValue), \(confidential), \(named?.rawValue),
                    \(assignee?.rawValue), \(status.rawValue), \(priority.rawValue), \(line.rawValue)) RETURNING id
            """))
    }

    /// A dispute ticket between `buyer` and `seller`, assigned to `arbiter`.
    @discardableResult
    func disputeTicket(buyer: RequesterID, seller: RequesterID, arbiter: StaffID?) async throws -> TicketID {
        let ticket = try await self.ticket(of: buyer, subject: "dispute", category: .dispute)
        let deal = try await int(
            """
            INSERT INTO deal (external_ref, buyer_id, seller_id, amount, currency)
            VALUES (\("G-\(ticket.rawValue)"), \(buyer.rawValue), \(seller.rawValue), 10, 'USDT') RETURNING id
            """)
        _ = try await client.query(
            """
            INSERT INTO dispute (deal_id, ticket_id, opened_by_id, respondent_id, arbiter_id)
            VALUES (\(deal), \(ticket.rawValue), \(buyer.rawValue), \(seller.rawValue), \(arbiter?.rawValue))
            """, logger: logger)
        return ticket
    }

    /// A moderation appeal by `requester` against a ban issued by `issuer` (automatic moderation if nil).
    @discardableResult
    func appealTicket(of requester: RequesterID, issuer: StaffID? = nil, kind: String = "ban") async throws -> TicketID {
        let punishment = try await int(
            """
            INSERT INTO punishment (requester_id, chat_id, kind, issued_by_staff_id, reason)
            VALUES (\(requester.rawValue), 'chat-1', \(kind), \(issuer?.rawValue), 'spam') RETURNING id
            """)
        let ticket = try await self.ticket(of: requester, subject: "unban me please", category: .moderationAppeal)
        _ = try await client.query("UPDATE ticket SET punishment_id = \(punishment) WHERE id = \(ticket.rawValue)", logger: logger)
        return ticket
    }

    func message(_ ticket: TicketID, body: String, isInternal: Bool = false, staff: StaffID? = nil, requester: RequesterID? = nil) async throws {
        let kind = staff != nil ? "staff" : "requester"
        _ = try await client.query(
            """
            INSERT INTO message (ticket_id, author_kind, author_staff_id, author_requester_id, channel, body, is_internal)
            VALUES (\(ticket.rawValue), \(kind), \(staff?.rawValue), \(requester?.rawValue), 'web', \(body), \(isInternal))
            """, logger: logger)
    }

    /// `(action, actor_role, target_type, target_id, reason code)` of every audit row, oldest first.
    func auditRows() async throws -> [(action: String, role: String, targetType: String, targetID: Int64?, after: String?)] {
        try await client.query(
            "SELECT action, actor_role, target_type, target_id, after::text FROM audit_log ORDER BY id", logger: logger
        ).collect().map { try $0.decode((String, String, String, Int64?, String?).self) }
    }

    // MARK: HTTP

    struct Reply: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:]
        }
        var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
        /// Ticket ids of a list page.
        var ticketIDs: [Int64] {
            ((json["items"] as? [[String: Any]]) ?? []).compactMap { ($0["id"] as? NSNumber)?.int64Value }
        }
    }

    func call(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil) async throws -> Reply {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await http.execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }) {
            Reply(status: $0.status, headers: $0.headers, body: String(buffer: $0.body))
        }
    }

    func loginReply(_ email: String, password: String = AuthFixture.password, account: String = "staff") async throws -> Reply {
        let body = try String(decoding: JSONSerialization.data(withJSONObject: ["email": email, "password": password, "account": account]), as: UTF8.self)
        return try await call(.post, "/api/v1/auth/login", json: body)
    }

    /// Signs in and returns the token (fails the test on anything but 200).
    func login(_ email: String, account: String = "staff") async throws -> String {
        let reply = try await loginReply(email, account: account)
        guard reply.status == .ok, let token = reply.json["token"] as? String else {
            throw FixtureError(description: "login \(email) failed: \(reply.status) \(reply.body)")
        }
        return token
    }

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
    }
}
