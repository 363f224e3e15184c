import Foundation
import HTTPTypes
import SupportDomain
import SupportSchema
import SupportStore
import Testing

/// Ratings end to end on the live API: the request sent on resolution (mail link, Telegram buttons),
/// rating by the link without a login and from the portal, the low-rating policy and its settings.
struct CSATAPITests {
    /// A team led by the owner, the agent assigned, and the agent resolving the ticket by a reply.
    static func resolvedByAgent(_ app: AuthFixture, channel: String = "web") async throws -> (ticket: TicketID, agent: StaffID, lead: StaffID) {
        let alice = try await app.requester("alice@example.com")
        let lead = try await app.staff("lead@desk.local", roles: [.owner])
        let agent = try await app.staff("agent@desk.local", roles: [.agent])
        let team = try await app.int("INSERT INTO team (name, line, lead_staff_id) VALUES ('Payments', 'l1', \(lead.rawValue)) RETURNING id")
        let ticket = try await app.ticket(of: alice, subject: "refund", category: .payment, assignee: agent)
        _ = try await app.client.query(
            "UPDATE ticket SET team_id = \(team), channel = \(channel) WHERE id = \(ticket.rawValue)", logger: app.logger)
        let token = try await app.login("agent@desk.local")
        let reply = try await app.call(
            .post, "/api/v1/tickets/\(ticket.rawValue)/messages", token: token, json: #"{"body": "Refunded.", "status": "resolved"}"#)
        #expect(reply.status == .created, "\(reply.body)")
        return (ticket, agent, lead)
    }

    static func requests(_ app: AuthFixture, _ ticket: TicketID) async throws -> [(channel: String, text: String, keyboard: String?)] {
        try await app.client.query(
            """
            SELECT channel, payload->>'text', payload->>'keyboard' FROM notification
            WHERE template = 'csat_request' AND ticket_id = \(ticket.rawValue) ORDER BY id
            """, logger: app.logger
        ).collect().map { try $0.decode((String, String, String?).self) }
    }

    @Test func theMailedLinkRatesWithoutALoginAndALowScoreTellsTheLead() async throws {
        try await AuthFixture.with { app in
            let (ticket, agent, lead) = try await Self.resolvedByAgent(app)
            let sent = try await Self.requests(app, ticket)
            #expect(sent.count == 1 && sent[0].channel == "email")
            let text = try #require(sent.first?.text)
            let match = try #require(text.firstMatch(of: /\/portal\/rate\?token=(csat_[A-Za-z0-9_-]+)/))
            let token = String(match.1)
            // Only the token's SHA-256 is stored.
            #expect(try await app.int(
                "SELECT count(*) FROM csat_link WHERE ticket_id = \(ticket.rawValue) AND token_hash = sha256(convert_to(\(token), 'UTF8'))") == 1)

            let wrong = try await app.call(.post, "/api/v1/csat", json: #"{"token": "csat_nope", "score": 4}"#)
            #expect(wrong.status == .conflict && wrong.errorCode == "invalid_token")
            let outOfRange = try await app.call(.post, "/api/v1/csat", json: #"{"token": "\#(token)", "score": 6}"#)
            #expect(outOfRange.status == .badRequest && outOfRange.body.contains("score"))

            let rated = try await app.call(.post, "/api/v1/csat", json: #"{"token": "\#(token)", "score": 2, "comment": "slow"}"#)
            #expect(rated.status == .ok, "\(rated.body)")
            #expect(rated.json["score"] as? Int == 2 && rated.json["reopened"] as? Bool == false)
            let row = try await app.client.query(
                "SELECT csat_score, csat_comment, status FROM ticket WHERE id = \(ticket.rawValue)", logger: app.logger
            ).collect().first?.decode((Int16?, String?, String).self)
            #expect(row?.0 == 2 && row?.1 == "slow" && row?.2 == "resolved")
            // Attached to the agent who handled it; the default policy (2 or less) tells the team lead.
            #expect(try await app.int("SELECT count(*) FROM csat_agent_rating WHERE ticket_id = \(ticket.rawValue) AND staff_id = \(agent.rawValue) AND score = 2") == 1)
            #expect(try await app.int("SELECT count(*) FROM notification WHERE template = 'low_csat' AND recipient_staff_id = \(lead.rawValue)") == 1)
            #expect(try await app.int("SELECT count(*) FROM ticket_event WHERE ticket_id = \(ticket.rawValue) AND type = 'csat_received'") == 1)

            // A better mood later replaces the rating; no alert this time.
            let again = try await app.call(.post, "/api/v1/csat", json: #"{"token": "\#(token)", "score": 5}"#)
            #expect(again.status == .ok)
            #expect(try await app.int("SELECT csat_score FROM ticket WHERE id = \(ticket.rawValue)") == 5)
            #expect(try await app.int("SELECT count(*) FROM notification WHERE template = 'low_csat'") == 1)
        }
    }

    @Test func telegramTicketsGetTheScoreButtons() async throws {
        try await AuthFixture.with { app in
            let alice = try await app.requester("alice@example.com")
            _ = try await app.client.query(
                "INSERT INTO requester_identity (requester_id, channel, external_id) VALUES (\(alice.rawValue), 'telegram', '5551')",
                logger: app.logger)
            try await app.staff("agent@desk.local", roles: [.agent])
            let ticket = try await app.ticket(of: alice)
            _ = try await app.client.query("UPDATE ticket SET channel = 'telegram' WHERE id = \(ticket.rawValue)", logger: app.logger)
            let token = try await app.login("agent@desk.local")
            _ = try await app.call(.post, "/api/v1/tickets/\(ticket.rawValue)/messages", token: token, json: #"{"body": "Done.", "status": "resolved"}"#)
            let sent = try await Self.requests(app, ticket)
            #expect(sent.map(\.channel) == ["telegram"])
            #expect(sent.first?.keyboard == "csat_scores")
            // Replying again without a status change asks nothing more.
            _ = try await app.call(.post, "/api/v1/tickets/\(ticket.rawValue)/messages", token: token, json: #"{"body": "Anything else?"}"#)
            #expect(try await Self.requests(app, ticket).count == 1)
        }
    }

    @Test func thePortalRatesOnlyOnesOwnFinishedTicketAndThePolicyCanReopen() async throws {
        try await AuthFixture.with { app in
            let (ticket, _, _) = try await Self.resolvedByAgent(app)
            let owner = try await app.login("lead@desk.local")
            #expect(try await app.call(.get, "/api/v1/settings/csat", token: owner).json["on_low"] as? String == "alert_lead")
            let bad = try await app.call(.put, "/api/v1/settings/csat", token: owner, json: #"{"low_score_max": 5, "on_low": "reopen"}"#)
            #expect(bad.status == .badRequest && bad.body.contains("low_score_max"))
            let set = try await app.call(.put, "/api/v1/settings/csat", token: owner, json: #"{"low_score_max": 3, "on_low": "reopen"}"#)
            #expect(set.status == .ok, "\(set.body)")
            #expect(try await app.auditRows().contains { $0.action == "csat_setting.update" && $0.after?.contains("reopen") == true })
            let agent = try await app.login("agent@desk.local")
            let denied = try await app.call(.put, "/api/v1/settings/csat", token: agent, json: #"{"low_score_max": 1, "on_low": "nothing"}"#)
            #expect(denied.status == .forbidden)

            let staffRates = try await app.call(.post, "/api/v1/tickets/\(ticket.rawValue)/csat", token: owner, json: #"{"score": 5}"#)
            #expect(staffRates.status == .forbidden && staffRates.errorCode == "requester_only")
            let bob = try await app.requester("bob@example.com")
            let bobToken = try await app.login("bob@example.com", account: "requester")
            let notHis = try await app.call(.post, "/api/v1/tickets/\(ticket.rawValue)/csat", token: bobToken, json: #"{"score": 5}"#)
            #expect(notHis.status == .forbidden)
            let open = try await app.ticket(of: bob)
            let early = try await app.call(.post, "/api/v1/tickets/\(open.rawValue)/csat", token: bobToken, json: #"{"score": 5}"#)
            #expect(early.status == .conflict && early.errorCode == "not_finished")

            let alice = try await app.login("alice@example.com", account: "requester")
            let low = try await app.call(.post, "/api/v1/tickets/\(ticket.rawValue)/csat", token: alice, json: #"{"score": 3, "comment": " "}"#)
            #expect(low.status == .ok, "\(low.body)")
            #expect(low.json["reopened"] as? Bool == true)
            let row = try await app.client.query(
                "SELECT status, reopen_count, csat_comment FROM ticket WHERE id = \(ticket.rawValue)", logger: app.logger
            ).collect().first?.decode((String, Int, String?).self)
            #expect(row?.0 == "open" && row?.1 == 1 && row?.2 == nil)
            #expect(try await app.int("SELECT count(*) FROM ticket_event WHERE ticket_id = \(ticket.rawValue) AND type = 'reopened'") == 1)
            // Reopened, it is active again: no second rating until it is resolved again.
            let twice = try await app.call(.post, "/api/v1/tickets/\(ticket.rawValue)/csat", token: alice, json: #"{"score": 1}"#)
            #expect(twice.status == .conflict)
        }
    }
}
