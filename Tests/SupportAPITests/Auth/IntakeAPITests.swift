import Foundation
import HTTPTypes
import Intake
import JobQueue
import SupportDomain
import SupportSchema
import SupportStore
import Testing

/// The signed-in intake paths (a logged call, another service's request) through the real intake
/// handler, and the requester's account view and merge.
struct IntakeAPITests {
    /// Runs the intake jobs the API queued.
    func runIntake(_ app: AuthFixture) async throws -> [TicketID] {
        let rows = try await app.client.query("SELECT id FROM inbound_item ORDER BY id", logger: app.logger).collect()
        let intake = IntakeHandler(queue: JobQueue(client: app.client, logger: app.logger))
        var tickets: [TicketID] = []
        for row in rows {
            let outcome = try await intake.process(inboundItemID: InboundItemID(try row.decode(Int64.self)))
            if let ticket = outcome.ticketID { tickets.append(ticket) }
        }
        return tickets
    }

    @Test func anAgentLogsACallAndItIsAnsweredOnTheSpot() async throws {
        try await AuthFixture.with { app in
            let agent = try await app.staff("agent@desk.local", roles: [.agent])
            let token = try await app.login("agent@desk.local")
            let edge = try await app.call(.post, "/api/v1/calls", token: token, json: #"{"name": "", "email": "0@.", "phone": "0", "external_id": "", "subject": "", "body": "0", "category": "question", "ticket_number": 1, "message_id": ""}"#)
            #expect(edge.status == .accepted, "\(edge.body)")
            let noCaller = try await app.call(.post, "/api/v1/calls", token: token, json: #"{"body": "payout question"}"#)
            #expect(noCaller.status == .badRequest && noCaller.body.contains("phone or email or external_id"))
            let badNumber = try await app.call(.post, "/api/v1/calls", token: token, json: #"{"phone": "+7 999", "body": "x", "ticket_number": 1.5}"#)
            #expect(badNumber.status == .badRequest && badNumber.body.contains("ticket_number"), "\(badNumber.body)")
            // The body cannot claim another agent logged it.
            let logged = try await app.call(
                .post, "/api/v1/calls", token: token,
                json: #"{"name": "Ivan", "phone": "+79991234567", "body": "Called about a late payout", "logged_by_staff_id": 999}"#)
            #expect(logged.status == .accepted, "\(logged.body)")

            let tickets = try await runIntake(app)
            let ticket = try #require(tickets.first)
            #expect(try await app.int(
                "SELECT count(*) FROM ticket_event WHERE ticket_id = \(ticket.rawValue) AND type = 'created' AND actor_kind = 'staff' AND actor_id = \(agent.rawValue)") == 1)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(ticket.rawValue) AND channel = 'phone'") == 1)
            #expect(try await app.auditRows().map(\.action).contains("inbound.call_logged"))
            // Requesters do not log calls.
            try await app.requester("alice@example.com")
            let requester = try await app.login("alice@example.com", account: "requester")
            #expect(try await app.call(.post, "/api/v1/calls", token: requester, json: #"{"phone": "+7", "body": "x"}"#).status == .forbidden)
        }
    }

    @Test func aServiceOpensATicketForItsUserAndRequestersCannot() async throws {
        try await AuthFixture.with { app in
            try await app.staff("guarantor-bot@desk.local", roles: [.agent])
            try await app.requester("alice@example.com")
            let bot = try await app.login("guarantor-bot@desk.local")
            let sent = try await app.call(
                .post, "/api/v1/inbound/api", token: bot,
                json: #"{"external_id": "guarantor:42", "name": "Deal G-42 buyer", "body": "Seller does not deliver", "category": "dispute"}"#)
            #expect(sent.status == .accepted, "\(sent.body)")
            let tickets = try await runIntake(app)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(try #require(tickets.first).rawValue) AND channel = 'api' AND requested_category = 'dispute'") == 1)
            let requester = try await app.login("alice@example.com", account: "requester")
            #expect(try await app.call(.post, "/api/v1/inbound/api", token: requester, json: #"{"external_id": "x", "body": "x"}"#).status == .forbidden)
        }
    }

    @Test func aSignedInRequesterSubmitsAndChatsOnTheirOwnTicketOnly() async throws {
        try await AuthFixture.with { app in
            let alice = try await app.requester("alice@example.com")
            try await app.requester("bob@example.com")
            let token = try await app.login("alice@example.com", account: "requester")
            let sent = try await app.call(.post, "/api/v1/portal/requests", token: token, json: #"{"subject": "Payout", "body": "My payout is late"}"#)
            #expect(sent.status == .accepted, "\(sent.body)")
            let ticket = try #require(try await runIntake(app).first)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(ticket.rawValue) AND requester_id = \(alice.rawValue) AND channel = 'web'") == 1)

            let uri = "/api/v1/tickets/\(ticket.rawValue)/messages"
            let chat = try await app.call(.post, uri, token: token, json: #"{"body": "Deal G-7, 150 USDT"}"#)
            #expect(chat.status == .accepted, "\(chat.body)")
            _ = try await runIntake(app)
            #expect(try await app.int("SELECT count(*) FROM message WHERE ticket_id = \(ticket.rawValue) AND author_kind = 'requester'") == 2)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE requester_id = \(alice.rawValue)") == 1)

            #expect(try await app.call(.post, uri, token: token, json: #"{"body": "x", "internal": true}"#).status == .forbidden)
            let bob = try await app.login("bob@example.com", account: "requester")
            #expect(try await app.call(.post, uri, token: bob, json: #"{"body": "let me in"}"#).status == .forbidden)
            try await app.staff("agent@desk.local", roles: [.agent])
            let agent = try await app.login("agent@desk.local")
            #expect(try await app.call(.post, "/api/v1/portal/requests", token: agent, json: #"{"body": "x"}"#).status == .forbidden)
        }
    }

    @Test func staffSeeARequestersWholeAccountButNotTheComplaintsAboutThemAndMergeDuplicates() async throws {
        try await AuthFixture.with { app in
            let alice = try await app.requester("alice@example.com")
            let duplicate = try await app.requester("alice.work@example.com")
            let agent = try await app.staff("agent@desk.local", roles: [.agent])
            let plain = try await app.ticket(of: alice, subject: "payout")
            _ = try await app.ticket(of: alice, subject: "agent was rude", category: .complaint, named: agent, line: .l3)
            let other = try await app.ticket(of: duplicate, subject: "same payout")
            try await app.staff("owner@desk.local", roles: [.owner])
            let token = try await app.login("agent@desk.local")

            let account = try await app.call(.get, "/api/v1/requesters/\(alice.rawValue)", token: token)
            #expect(account.status == .ok, "\(account.body)")
            let shown = ((account.json["tickets"] as? [[String: Any]]) ?? []).compactMap { ($0["id"] as? NSNumber)?.int64Value }
            #expect(shown == [plain.rawValue], "the complaint naming the agent is not shown to them")

            let merged = try await app.call(.post, "/api/v1/requesters/\(duplicate.rawValue)/merge", token: token, json: #"{"into": \#(alice.rawValue)}"#)
            #expect(merged.status == .ok && merged.json["tickets"] as? Int == 1, "\(merged.body)")
            let owner = try await app.login("owner@desk.local")
            let all = try await app.call(.get, "/api/v1/requesters/\(duplicate.rawValue)", token: owner)
            #expect(((all.json["tickets"] as? [[String: Any]]) ?? []).count == 3, "\(all.body)")
            #expect(((all.json["identities"] as? [[String: Any]]) ?? []).count == 2)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(other.rawValue) AND requester_id = \(alice.rawValue)") == 1)

            // Merged the other way, the answer counts only the tickets the agent may see: not the complaint.
            let back = try await app.requester("alice.home@example.com")
            let mergedBack = try await app.call(.post, "/api/v1/requesters/\(alice.rawValue)/merge", token: token, json: #"{"into": \#(back.rawValue)}"#)
            #expect(mergedBack.status == .ok && mergedBack.json["tickets"] as? Int == 2, "plain and other, not the complaint: \(mergedBack.body)")
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE requester_id = \(back.rawValue)") == 3)
            #expect(try await app.call(.post, "/api/v1/requesters/\(alice.rawValue)/merge", token: token, json: #"{"into": \#(alice.rawValue)}"#).status == .conflict)
            let requester = try await app.login("alice@example.com", account: "requester")
            #expect(try await app.call(.get, "/api/v1/requesters/\(alice.rawValue)", token: requester).status == .forbidden)
        }
    }
}
