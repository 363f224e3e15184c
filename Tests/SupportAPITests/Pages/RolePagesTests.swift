import Foundation
import HTTPTypes
import SupportSchema
import SupportStore
import Testing

/// The moderator, arbiter and coder views over HTTP on real PostgreSQL: who may open them, the row
/// rules, CSRF, and forms that change state through the API's code paths with their audit rows.
struct RolePagesTests {
    typealias P = PortalPagesTests
    typealias C = ConsolePagesTests

    @Test func aModeratorDecidesAnAppealButNeverOnTheirOwnPunishment() async throws {
        try await AuthFixture.with { app in
            let vera = try await app.requester("vera@example.com")
            let oleg = try await app.requester("oleg@example.com")
            let mila = try await app.staff("mila@desk.local", roles: [.moderator])
            let boris = try await app.staff("boris@desk.local", roles: [.moderator])
            try await app.staff("anna@desk.local", roles: [.agent])
            let others = try await app.appealTicket(of: vera, issuer: boris)
            let own = try await app.appealTicket(of: oleg, issuer: mila)
            _ = try await app.int("UPDATE ticket SET subject = 'Разбаньте Олега' WHERE id = \(own.rawValue) RETURNING 1")

            let agent = try await C.signIn(app, "anna@desk.local")
            #expect(try await P.page(app, .get, "/console/appeals", cookie: agent).status == .forbidden)
            let moderator = try await C.signIn(app, "mila@desk.local")
            let page = try await P.page(app, .get, "/console/appeals", cookie: moderator)
            #expect(page.status == .ok && page.body.contains("appeal-\(others.rawValue)") && page.body.contains("бан"))
            #expect(!page.body.contains("appeal-\(own.rawValue)"), "never the moderator's own punishment")
            let csrf = try #require(page.csrf)
            let path = "/console/appeals/\(others.rawValue)/decision"
            #expect(try await P.page(app, .post, path, cookie: moderator, form: ["outcome": "lift", "reasons": "x"]).status == .forbidden)
            let blank = try await P.page(app, .post, path, cookie: moderator, form: ["csrf": csrf, "outcome": "lift", "reasons": "  "])
            #expect(blank.status == .badRequest && blank.body.contains("reasons"))
            // The issuer is refused by the API's rule, audited.
            let refused = try await P.page(app, .post, "/console/appeals/\(own.rawValue)/decision", cookie: moderator,
                                            form: ["csrf": csrf, "outcome": "lift", "reasons": "мой бан"])
            #expect(refused.status == .forbidden)

            let lifted = try await P.page(app, .post, path, cookie: moderator, form: ["csrf": csrf, "outcome": "lift", "reasons": "Первое нарушение"])
            #expect(lifted.status == .seeOther, "\(lifted.body.prefix(300))")
            #expect(try await app.int("SELECT count(*) FROM punishment p JOIN ticket t ON t.punishment_id = p.id WHERE t.id = \(others.rawValue) AND p.lifted") == 1)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(others.rawValue) AND status = 'resolved'") == 1)
            let audit = try await app.auditRows()
            #expect(audit.contains { $0.action == "punishment.appeal_decide" && $0.role == "moderator" })
            #expect(audit.contains { $0.action == "access.denied" && ($0.after ?? "").contains("conflict_of_interest") })
            let after = try await P.page(app, .get, "/console/appeals", cookie: moderator)
            #expect(!after.body.contains("appeal-\(others.rawValue)"), "a decided appeal leaves the list")
        }
    }

    @Test func anArbiterSeesTheirDisputesWithBothSidesEvidenceAndDecides() async throws {
        try await AuthFixture.with { app in
            let buyer = try await app.requester("buyer@example.com")
            let seller = try await app.requester("seller@example.com")
            let ivan = try await app.staff("ivan@desk.local", roles: [.arbiter])
            try await app.staff("petr@desk.local", roles: [.arbiter])
            try await app.staff("owner@desk.local", roles: [.owner])
            try await app.staff("anna@desk.local", roles: [.agent])
            let deals = try await DisputeFixture(app: app).deals(party: buyer, other: seller, arbiter: ivan)
            let dispute = deals.dispute
            _ = try await app.int(
                """
                INSERT INTO dispute_evidence (dispute_id, party, submitted_by_requester_id, body, content_sha256)
                VALUES (\(dispute), 'seller', \(seller.rawValue), 'tracking number 42', sha256('tracking number 42'::bytea)) RETURNING id
                """)
            let path = "/console/disputes/\(dispute)"

            let agent = try await C.signIn(app, "anna@desk.local")
            #expect(try await P.page(app, .get, "/console/disputes", cookie: agent).status == .forbidden)
            let petr = try await C.signIn(app, "petr@desk.local")
            #expect(try await P.page(app, .get, "/console/disputes", cookie: petr).body.contains("dispute-\(dispute)") == false)
            #expect(try await P.page(app, .get, path, cookie: petr).status == .notFound, "another arbiter's dispute does not exist for them")

            let arbiter = try await C.signIn(app, "ivan@desk.local")
            let list = try await P.page(app, .get, "/console/disputes", cookie: arbiter)
            #expect(list.status == .ok && list.body.contains("dispute-\(dispute)") && list.body.contains("F-active"))
            let page = try await P.page(app, .get, path, cookie: arbiter)
            #expect(page.status == .ok && page.body.contains("my receipt") && page.body.contains("tracking number 42"), "both sides' evidence")
            #expect(page.body.contains("value=\"submit_for_review\"") && !page.body.contains("value=\"approve_payout\""))
            let csrf = try #require(page.csrf)
            #expect(try await P.page(app, .post, "\(path)/actions", cookie: arbiter, form: ["action": "submit_for_review"]).status == .forbidden)
            let early = try await P.page(app, .post, "\(path)/actions", cookie: arbiter,
                                         form: ["csrf": csrf, "action": "decide", "outcome": "refund_buyer", "text": "Рано"])
            #expect(early.status == .conflict && early.body.contains("Рано"), "refused by the state; what was typed stays")
            let review = try await P.page(app, .post, "\(path)/actions", cookie: arbiter, form: ["csrf": csrf, "action": "submit_for_review"])
            #expect(review.status == .seeOther, "\(review.body.prefix(300))")
            let noReasons = try await P.page(app, .post, "\(path)/actions", cookie: arbiter,
                                             form: ["csrf": csrf, "action": "decide", "outcome": "refund_buyer", "text": ""])
            #expect(noReasons.status == .badRequest && noReasons.body.contains("reasons"))
            let decided = try await P.page(app, .post, "\(path)/actions", cookie: arbiter,
                                           form: ["csrf": csrf, "action": "decide", "outcome": "refund_buyer", "text": "Товар не доставлен"])
            #expect(decided.status == .seeOther && decided.location == "\(path)?done=1")
            #expect(try await app.int("SELECT count(*) FROM dispute WHERE id = \(dispute) AND state = 'decided'") == 1)
            let audit = try await app.auditRows()
            #expect(audit.contains { $0.action == "dispute.decide" && $0.role == "arbiter" && $0.targetID == dispute })
            let shown = try await P.page(app, .get, path, cookie: arbiter)
            #expect(shown.body.contains("Товар не доставлен") && shown.body.contains("dispute.decide"), "the decision and the history")

            let owner = try await C.signIn(app, "owner@desk.local")
            let all = try await P.page(app, .get, "/console/disputes", cookie: owner)
            #expect(all.body.contains("dispute-\(dispute)") && all.body.contains("id=\"payouts\""), "owners see every open dispute")
        }
    }

    @Test func aCoderMarksAnIncidentFixedAndEveryLinkedRequesterIsTold() async throws {
        try await AuthFixture.with { app in
            let alice = try await app.requester("alice@example.com")
            let bob = try await app.requester("bob@example.com")
            try await app.staff("coder@desk.local", roles: [.coder])
            try await app.staff("anna@desk.local", roles: [.agent])
            let (incident, reports) = try await Self.incident(app, requesters: [alice, bob])

            let agent = try await C.signIn(app, "anna@desk.local")
            #expect(try await P.page(app, .get, "/console/incidents", cookie: agent).status == .forbidden)
            let coder = try await C.signIn(app, "coder@desk.local")
            let list = try await P.page(app, .get, "/console/incidents", cookie: coder)
            #expect(list.status == .ok && list.body.contains("incident-\(incident.rawValue)") && list.body.contains("Выплаты не проходят"))
            let page = try await P.page(app, .get, "/console/incidents/\(incident.rawValue)", cookie: coder)
            #expect(page.status == .ok && reports.allSatisfy { page.body.contains("linked-\($0.rawValue)") })
            let csrf = try #require(page.csrf)
            let path = "/console/incidents/\(incident.rawValue)/fixed"
            #expect(try await P.page(app, .post, path, cookie: coder, form: ["note": "x"]).status == .forbidden)
            let agentCSRF = try #require(try await P.page(app, .get, "/console", cookie: agent).csrf)
            #expect(try await P.page(app, .post, path, cookie: agent, form: ["csrf": agentCSRF, "note": "x"]).status == .forbidden, "agents do not mark fixes")
            let blank = try await P.page(app, .post, path, cookie: coder, form: ["csrf": csrf, "note": " "])
            #expect(blank.status == .badRequest && blank.body.contains("note"))

            let fixed = try await P.page(app, .post, path, cookie: coder, form: ["csrf": csrf, "note": "Исправлено в релизе 2.4"])
            #expect(fixed.status == .seeOther && fixed.location == "/console/incidents/\(incident.rawValue)?told=2", "\(fixed.location ?? "")")
            #expect(try await app.int("SELECT count(*) FROM notification WHERE template = 'fixed'") == 2)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(incident.rawValue) AND status = 'resolved'") == 1)
            let audit = try await app.auditRows()
            #expect(audit.contains { $0.action == "ticket.fixed" && $0.role == "coder" && $0.targetID == incident.rawValue })
            #expect(audit.contains { $0.action == "access.denied" && ($0.after ?? "").contains("not_l2") })
        }
    }

    /// An open L2 incident with one linked report from each of `requesters`.
    static func incident(_ app: AuthFixture, requesters: [RequesterID]) async throws -> (TicketID, [TicketID]) {
        let incident = TicketID(try await app.int(
            """
            INSERT INTO ticket (channel, subject, category, is_incident, status, priority, line)
            VALUES ('web', 'Выплаты не проходят', 'technical', true, 'open', 'high', 'l2') RETURNING id
            """))
        var reports: [TicketID] = []
        for requester in requesters {
            let report = try await app.ticket(of: requester, subject: "Не приходит выплата", category: .technical, status: .escalated, line: .l2)
            _ = try await app.int("UPDATE ticket SET parent_incident_id = \(incident.rawValue) WHERE id = \(report.rawValue) RETURNING 1")
            reports.append(report)
        }
        return (incident, reports)
    }
}
