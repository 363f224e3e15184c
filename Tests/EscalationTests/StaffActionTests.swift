import Escalation
import Foundation
import SupportDomain
import SupportSchema
import SupportStore
import Testing

/// Manual escalation and "fixed at L2" on real PostgreSQL.
@Suite(.serialized) struct StaffActionTests {
    @Test func anAgentEscalatesByHandWithAReasonAndACoderTakesIt() async throws {
        try await EscalationEnv.with { env in
            let ticket = try await env.openTicket(.telegram, at: EscalationEnv.mondayNoon, category: .technical)
            let boris = try await env.staff("boris@demo.local")
            let escalator = ManualEscalator(queue: env.queue)
            #expect(try await escalator.move(ticket, .up, reason: "cannot reproduce at L1", by: boris, roles: [.agent]) == .l2)
            #expect(try await env.sql.string("SELECT line || '/' || status FROM ticket WHERE id = \(ticket)") == "l2/escalated")
            #expect(try await env.sql.string(
                "SELECT data->>'reason' FROM ticket_event WHERE ticket_id = \(ticket) AND type = 'escalated' AND actor_kind = 'staff'")
                == "cannot reproduce at L1")
            #expect(try await env.notified(ticket, "escalated", "kirill@demo.local") == 1)
            try await env.runRoutingJobs()
            #expect(try await env.sql.string(
                "SELECT s.email FROM ticket t JOIN staff s ON s.id = t.assignee_id WHERE t.id = \(ticket)") == "kirill@demo.local")

            // And back down: routing keeps the line chosen by hand, not the category's.
            let kirill = try await env.staff("kirill@demo.local")
            #expect(try await escalator.move(ticket, .down, reason: "a how-to question", by: kirill, roles: [.coder]) == .l1)
            try await env.runRoutingJobs()
            #expect(try await env.sql.string("SELECT line || '/' || line_override || '/' || status FROM ticket WHERE id = \(ticket)") == "l1/l1/open")
            #expect(try await env.events(ticket, "deescalated") == 1)
        }
    }

    @Test func manualEscalationRefusesWithoutPermissionOrReason() async throws {
        try await EscalationEnv.with { env in
            let ticket = try await env.openTicket(.telegram, at: EscalationEnv.mondayNoon)
            let escalator = ManualEscalator(queue: env.queue)
            let boris = try await env.staff("boris@demo.local")
            await #expect(throws: StaffActionError.refused(.reasonRequired)) {
                try await escalator.move(ticket, .up, reason: " ", by: boris, roles: [.agent])
            }
            await #expect(throws: StaffActionError.refused(.alreadyFirstLine)) {
                try await escalator.move(ticket, .down, reason: "x", by: boris, roles: [.agent])
            }
            await #expect(throws: StaffActionError.self) {
                try await escalator.move(ticket, .up, reason: "x", by: boris, roles: [.requester])
            }
            #expect(try await env.events(ticket, "escalated") == 0)
        }
    }

    @Test func fixingAnIncidentTellsEveryReporterOnceAndHandsReportsBackToL1() async throws {
        try await EscalationEnv.with { env in
            let start = EscalationEnv.mondayNoon
            let reports = [
                try await env.openTicket(.telegram, at: start, category: .technical),
                try await env.openTicket(.email, at: start, category: .technical, line: .l2, team: "Engineering"),
            ]
            let incident = TicketID(Int64(try await env.sql.int(
                """
                INSERT INTO ticket (requester_id, channel, subject, category, priority, status, line, is_incident)
                VALUES (NULL, 'telegram', 'Bot is down', 'technical', 'critical', 'escalated', 'l2', true) RETURNING id::int
                """)))
            try await env.sql.exec("UPDATE ticket SET parent_incident_id = \(incident) WHERE id IN (\(reports[0]), \(reports[1]))")
            let kirill = try await env.staff("kirill@demo.local")
            // The database stamps the events with its own clock, so the announcer reads the real one too.
            let announcer = FixAnnouncer(queue: env.queue)

            await #expect(throws: StaffActionError.self) {
                try await announcer.markFixed(incident, note: "Restarted", by: try await env.staff("boris@demo.local"), roles: [.agent])
            }
            let told = try await announcer.markFixed(incident, note: "The bot was restarted.", by: kirill, roles: [.coder])
            #expect(Set(told) == Set(reports))
            #expect(try await announcer.markFixed(incident, note: "again", by: kirill, roles: [.coder]).isEmpty)

            #expect(try await env.sql.string("SELECT status FROM ticket WHERE id = \(incident)") == "resolved")
            #expect(try await env.sql.strings("SELECT line || '/' || status FROM ticket WHERE parent_incident_id = \(incident) ORDER BY id")
                == ["l1/pending_requester", "l1/pending_requester"])
            #expect(try await env.sql.strings(
                "SELECT channel || ':' || address FROM notification WHERE template = 'fixed' ORDER BY ticket_id")
                == ["email:john@example.com", "email:john@example.com"])
            // Waiting on the requesters: no SLA deadline runs for the reports.
            #expect(try await env.sql.int(
                "SELECT count(*)::int FROM ticket WHERE parent_incident_id = \(incident) AND sla_due_at IS NOT NULL") == 0)
        }
    }
}
