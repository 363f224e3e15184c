import Foundation
import HTTPTypes
import SupportDomain
import SupportSchema
import SupportStore
import Testing

/// `POST /api/v1/tickets/{id}/escalate` and `/fixed` against the live API: permissions, row rules,
/// validation, the audit trail.
struct TicketActionAPITests {
    @Test func staffEscalateAndDeEscalateWithAReasonAndEachStepIsAudited() async throws {
        try await AuthFixture.with { app in
            let alice = try await app.requester("alice@example.com")
            try await app.staff("agent@desk.local", roles: [.agent])
            try await app.staff("coder@desk.local", roles: [.coder])
            let ticket = try await app.ticket(of: alice, subject: "bot crashes", category: .technical)
            let agent = try await app.login("agent@desk.local")
            let uri = "/api/v1/tickets/\(ticket.rawValue)/escalate"

            let sideways = try await app.call(.post, uri, token: agent, json: #"{"direction": "sideways", "reason": "x"}"#)
            #expect(sideways.status == .badRequest && sideways.body.contains("direction"))
            let silent = try await app.call(.post, uri, token: agent, json: #"{"direction": "up", "reason": "  "}"#)
            #expect(silent.status == .badRequest && silent.body.contains("reason"))
            let down = try await app.call(.post, uri, token: agent, json: #"{"direction": "down", "reason": "x"}"#)
            #expect(down.status == .conflict && down.errorCode == "escalation_refused")

            let up = try await app.call(.post, uri, token: agent, json: #"{"direction": "up", "reason": "L1 cannot reproduce"}"#)
            #expect(up.status == .ok, "\(up.body)")
            #expect(up.json["line"] as? String == "l2" && up.json["previous_line"] as? String == "l1")
            let coder = try await app.login("coder@desk.local")
            let back = try await app.call(.post, uri, token: coder, json: #"{"direction": "down", "reason": "it is a how-to"}"#)
            #expect(back.json["line"] as? String == "l1")

            let audit = try await app.auditRows().filter { $0.action.hasPrefix("ticket.") }
            #expect(audit.map(\.action) == ["ticket.escalate", "ticket.deescalate"])
            #expect(audit.allSatisfy { $0.targetID == ticket.rawValue })
            #expect(try await app.int("SELECT count(*) FROM job WHERE queue = 'routing'") == 2)
            #expect(try await app.int("SELECT count(*) FROM ticket_event WHERE type IN ('escalated', 'deescalated') AND actor_kind = 'staff'") == 2)
        }
    }

    @Test func requestersAndTheAccusedAreRefusedAndTheRefusalIsAudited() async throws {
        try await AuthFixture.with { app in
            let alice = try await app.requester("alice@example.com")
            try await app.staff("owner@desk.local", roles: [.owner])
            let named = try await app.staff("owner2@desk.local", roles: [.owner])
            let complaint = try await app.ticket(of: alice, subject: "owner2 is rude", category: .complaint, named: named, line: .l3)
            let body = #"{"direction": "down", "reason": "mine now"}"#

            let requester = try await app.login("alice@example.com", account: "requester")
            let asRequester = try await app.call(.post, "/api/v1/tickets/\(complaint.rawValue)/escalate", token: requester, json: body)
            #expect(asRequester.status == .forbidden)
            let accused = try await app.login("owner2@desk.local")
            let asAccused = try await app.call(.post, "/api/v1/tickets/\(complaint.rawValue)/escalate", token: accused, json: body)
            #expect(asAccused.status == .notFound, "the complaint does not exist for the one it names")
            let owner = try await app.login("owner@desk.local")
            let stays = try await app.call(.post, "/api/v1/tickets/\(complaint.rawValue)/escalate", token: owner, json: body)
            #expect(stays.status == .conflict && stays.body.contains("L3 owners"))
            let missing = try await app.call(.post, "/api/v1/tickets/999999/escalate", token: owner, json: body)
            #expect(missing.status == .notFound)

            #expect(try await app.auditRows().filter { $0.action == "access.denied" }.count == 2)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE line = 'l3' AND id = \(complaint.rawValue)") == 1)
        }
    }

    @Test func aStaffReplyReachesTheRequesterAndPausesTheClocksWhileTheyAreAsked() async throws {
        try await AuthFixture.with { app in
            let alice = try await app.requester("alice@example.com")
            try await app.staff("agent@desk.local", roles: [.agent])
            try await app.staff("arbiter@desk.local", roles: [.arbiter])
            let ticket = try await app.ticket(of: alice, subject: "payout late", category: .payment)
            let uri = "/api/v1/tickets/\(ticket.rawValue)/messages"
            let agent = try await app.login("agent@desk.local")

            let closing = try await app.call(.post, uri, token: agent, json: #"{"body": "bye", "status": "closed"}"#)
            #expect(closing.status == .badRequest && closing.body.contains("status"))
            let note = try await app.call(.post, uri, token: agent, json: #"{"body": "checked the ledger", "internal": true}"#)
            #expect(note.status == .created, "\(note.body)")
            let reply = try await app.call(.post, uri, token: agent, json: #"{"body": "Which deal is it?", "status": "pending_requester"}"#)
            #expect(reply.status == .created && reply.json["status"] as? String == "pending_requester")

            #expect(try await app.int(
                "SELECT count(*) FROM notification WHERE template = 'reply' AND address = 'alice@example.com' AND payload->>'subject' LIKE '[#%] payout late'") == 1)
            #expect(try await app.int("SELECT count(*) FROM notification WHERE payload->>'text' = 'checked the ledger'") == 0)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(ticket.rawValue) AND first_response_at IS NOT NULL AND sla_due_at IS NULL") == 1)
            #expect(try await app.auditRows().map(\.action).filter { $0.hasPrefix("ticket.") } == ["ticket.note", "ticket.reply"])

            let arbiter = try await app.login("arbiter@desk.local")
            #expect(try await app.call(.post, uri, token: arbiter, json: #"{"body": "hi"}"#).status == .forbidden)
            // The requester's own message goes to intake instead.
            let requester = try await app.login("alice@example.com", account: "requester")
            #expect(try await app.call(.post, uri, token: requester, json: #"{"body": "hi"}"#).status == .accepted)
        }
    }

    @Test func staffHandATicketToAColleagueButNeverToTheAccused() async throws {
        try await AuthFixture.with { app in
            let alice = try await app.requester("alice@example.com")
            try await app.staff("owner@desk.local", roles: [.owner])
            let colleague = try await app.staff("owner2@desk.local", roles: [.owner])
            let accused = try await app.staff("owner3@desk.local", roles: [.owner])
            let complaint = try await app.ticket(of: alice, subject: "owner3 is rude", category: .complaint, named: accused, line: .l3)
            let owner = try await app.login("owner@desk.local")
            let uri = "/api/v1/tickets/\(complaint.rawValue)/assign"
            #expect(try await app.call(.post, uri, token: owner, json: #"{"staff_id": \#(accused.rawValue)}"#).status == .conflict)
            #expect(try await app.call(.post, uri, token: owner, json: #"{"staff_id": 999999}"#).status == .conflict)
            #expect(try await app.call(.post, uri, token: owner, json: #"{"staff_id": \#(colleague.rawValue), "reason": "she knows the case"}"#).status == .noContent)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(complaint.rawValue) AND assignee_id = \(colleague.rawValue)") == 1)
            #expect(try await app.int("SELECT count(*) FROM notification WHERE template = 'assigned' AND recipient_staff_id = \(colleague.rawValue)") == 1)
            #expect(try await app.auditRows().map(\.action).filter { $0 == "ticket.reassign" }.count == 1)
        }
    }

    @Test func nobodyIsHandedATicketTheRowRulesKeepFromThem() async throws {
        try await AuthFixture.with { app in
            let alice = try await app.requester("alice@example.com")
            try await app.staff("owner@desk.local", roles: [.owner])
            let agent = try await app.staff("agent@desk.local", roles: [.agent])
            let matter = try await app.ticket(of: alice, subject: "an internal matter", line: .l3)
            _ = try await app.int("UPDATE ticket SET is_confidential = true WHERE id = \(matter.rawValue) RETURNING id")
            let owner = try await app.login("owner@desk.local")
            let refused = try await app.call(.post, "/api/v1/tickets/\(matter.rawValue)/assign", token: owner, json: #"{"staff_id": \#(agent.rawValue)}"#)
            #expect(refused.status == .conflict && refused.body.contains("may not take this ticket"), "\(refused.body)")
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(matter.rawValue) AND assignee_id IS NOT NULL") == 0)
        }
    }

    @Test func aConfidentialTicketNeverMovesDown() async throws {
        try await AuthFixture.with { app in
            let alice = try await app.requester("alice@example.com")
            try await app.staff("owner@desk.local", roles: [.owner])
            let matter = try await app.ticket(of: alice, subject: "an internal matter", line: .l3)
            _ = try await app.int("UPDATE ticket SET is_confidential = true WHERE id = \(matter.rawValue) RETURNING id")
            let owner = try await app.login("owner@desk.local")
            let down = try await app.call(.post, "/api/v1/tickets/\(matter.rawValue)/escalate", token: owner, json: #"{"direction": "down", "reason": "coders should look"}"#)
            #expect(down.status == .conflict && down.body.contains("owners' matters"), "\(down.body)")
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(matter.rawValue) AND line = 'l3'") == 1)
        }
    }

    @Test func onlyL2MarksABugFixedAndTheRequesterIsToldOnce() async throws {
        try await AuthFixture.with { app in
            let alice = try await app.requester("alice@example.com")
            try await app.staff("agent@desk.local", roles: [.agent])
            try await app.staff("coder@desk.local", roles: [.coder])
            let bug = try await app.ticket(of: alice, subject: "payout button does nothing", category: .technical, line: .l2)
            let uri = "/api/v1/tickets/\(bug.rawValue)/fixed"
            let note = #"{"note": "Fixed in today's release."}"#

            let agent = try await app.login("agent@desk.local")
            let refused = try await app.call(.post, uri, token: agent, json: note)
            #expect(refused.status == .forbidden && refused.errorCode == "not_l2")
            let coder = try await app.login("coder@desk.local")
            let empty = try await app.call(.post, uri, token: coder, json: #"{"note": ""}"#)
            #expect(empty.status == .badRequest && empty.body.contains("note"))
            let fixed = try await app.call(.post, uri, token: coder, json: note)
            #expect(fixed.status == .ok, "\(fixed.body)")
            #expect((fixed.json["reports_told"] as? [NSNumber])?.map(\.int64Value) == [bug.rawValue])
            let again = try await app.call(.post, uri, token: coder, json: note)
            #expect((again.json["reports_told"] as? [NSNumber])?.isEmpty == true)

            #expect(try await app.int("SELECT count(*) FROM ticket WHERE status = 'resolved' AND id = \(bug.rawValue)") == 1)
            #expect(try await app.int(
                "SELECT count(*) FROM notification WHERE template = 'fixed' AND channel = 'email' AND address = 'alice@example.com'") == 1)
            #expect(try await app.auditRows().map(\.action).filter { $0 != "auth.login" } == ["access.denied", "ticket.fixed", "ticket.fixed"])
        }
    }
}
