import Escalation
import Foundation
import SupportDomain
import SupportSchema
import SupportStore
import Testing

/// The `sla` job handler on real PostgreSQL: alarms, the ladder, idempotence and staleness.
@Suite(.serialized) struct SLAHandlerTests {
    let hour: TimeInterval = 3600

    /// Telegram, normal priority: first response 60 business minutes, warning at 48.
    @Test func aWarningTellsTheAssigneeAndABreachTellsTheLead() async throws {
        try await EscalationEnv.with { env in
            let start = EscalationEnv.mondayNoon
            let ticket = try await env.openTicket(.telegram, at: start)
            let jobs = try await env.takeDueSLAJobs(until: start.addingTimeInterval(hour))
            #expect(jobs.map(\.deadline) == [.warning, .breach])
            #expect(jobs[0].dueAt == start.addingTimeInterval(48 * 60))

            env.clock.set(jobs[0].dueAt)
            guard case .escalated(let warning) = try await env.sla.handle(jobs[0]) else { Issue.record("no warning"); return }
            #expect(warning.steps == [.notifyAssignee(try await env.staff("boris@demo.local"))])
            #expect(try await env.notified(ticket, "sla_warning", "boris@demo.local") == 1)

            env.clock.set(jobs[1].dueAt)
            guard case .escalated(let breach) = try await env.sla.handle(jobs[1]) else { Issue.record("no breach"); return }
            #expect(breach.steps == [.notifyTeamLead(try await env.staff("anna@demo.local"))])
            #expect(try await env.notified(ticket, "sla_breach", "anna@demo.local") == 1)
            #expect(try await env.events(ticket, "sla_warning") == 1)
            #expect(try await env.events(ticket, "sla_breached") == 1)
            #expect(try await env.sql.string("SELECT data->>'why' FROM ticket_event WHERE type = 'sla_breached'")?.contains("first response") == true)
        }
    }

    @Test func aJobRunTwiceAlarmsOnceAndAStaleJobDoesNothing() async throws {
        try await EscalationEnv.with { env in
            let start = EscalationEnv.mondayNoon
            let ticket = try await env.openTicket(.telegram, at: start)
            let jobs = try await env.takeDueSLAJobs(until: start.addingTimeInterval(hour))
            env.clock.set(jobs[1].dueAt)
            _ = try await env.sla.handle(jobs[1])
            // The breach rescheduled the ticket: the old generation is stale, and the same alarm is not repeated.
            #expect(try await env.sla.handle(jobs[1]) == .stale)
            let generation = try await env.sql.int("SELECT sla_generation::int FROM ticket WHERE id = \(ticket)")
            var again = jobs[1]
            again.generation = Int64(generation)
            #expect(try await env.sla.handle(again) == .nothingDue)
            #expect(try await env.events(ticket, "sla_breached") == 1)
            #expect(try await env.notified(ticket, "sla_breach", "anna@demo.local") == 1)
        }
    }

    @Test func aReplyInTimeLeavesTheOldJobsWithNothingToDo() async throws {
        try await EscalationEnv.with { env in
            let start = EscalationEnv.mondayNoon
            let ticket = try await env.openTicket(.telegram, at: start)
            let jobs = try await env.takeDueSLAJobs(until: start.addingTimeInterval(hour))
            try await env.reply(ticket, at: start.addingTimeInterval(20 * 60))
            env.clock.set(jobs[1].dueAt)
            #expect(try await env.sla.handle(jobs[0]) == .stale)
            #expect(try await env.sla.handle(jobs[1]) == .stale)
            // Only the resolution clock is left scheduled.
            let left = try await env.takeDueSLAJobs(until: start.addingTimeInterval(30 * 24 * hour))
            #expect(Set(left.map(\.clock)) == [.resolution])
            #expect(try await env.events(ticket, "sla_breached") == 0)
        }
    }

    @Test func waitingOnTheRequesterSchedulesNothingUntilTheyReply() async throws {
        try await EscalationEnv.with { env in
            let start = EscalationEnv.mondayNoon
            let ticket = try await env.openTicket(.telegram, at: start)
            try await env.sql.exec("UPDATE ticket SET status = 'pending_requester' WHERE id = \(ticket)")
            try await env.sql.exec(
                """
                INSERT INTO ticket_event (ticket_id, type, actor_kind, at, data) VALUES (\(ticket), 'status_changed', 'system',
                    \(EscalationEnv.iso(start.addingTimeInterval(600))), '{"from": "open", "to": "pending_requester"}')
                """)
            _ = try await env.takeDueSLAJobs(until: start.addingTimeInterval(30 * 24 * hour))
            try await env.reschedule(ticket, at: start.addingTimeInterval(600))
            #expect(try await env.takeDueSLAJobs(until: start.addingTimeInterval(30 * 24 * hour)).isEmpty)
            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE id = \(ticket) AND sla_due_at IS NULL") == 1)
        }
    }

    @Test func aSecondBreachMovesTheTicketToL2AndRoutingGivesItToACoder() async throws {
        try await EscalationEnv.with { env in
            let start = EscalationEnv.mondayNoon
            let ticket = try await env.openTicket(.chat, at: start, category: .technical)
            // Chat: first response 5 minutes. Breach it, answer, then breach the next response.
            let first = try await env.takeDueSLAJobs(until: start.addingTimeInterval(hour)).filter { $0.clock == .firstResponse && $0.deadline == .breach }
            env.clock.set(first[0].dueAt)
            _ = try await env.sla.handle(first[0])
            try await env.runRoutingJobs()
            try await env.reply(ticket, at: start.addingTimeInterval(10 * 60))
            try await env.sql.exec(
                """
                INSERT INTO ticket_event (ticket_id, type, actor_kind, actor_id, at)
                VALUES (\(ticket), 'message_received', 'requester', (SELECT requester_id FROM ticket WHERE id = \(ticket)),
                        \(EscalationEnv.iso(start.addingTimeInterval(20 * 60))))
                """)
            try await env.reschedule(ticket, at: start.addingTimeInterval(20 * 60))
            let next = try await env.takeDueSLAJobs(until: start.addingTimeInterval(hour)).filter { $0.clock == .nextResponse && $0.deadline == .breach }
            #expect(next.first?.dueAt == start.addingTimeInterval(25 * 60))
            env.clock.set(start.addingTimeInterval(25 * 60))
            guard case .escalated(let plan) = try await env.sla.handle(try #require(next.first)) else { Issue.record("no breach"); return }
            #expect(plan.movesTo == .l2)
            #expect(try await env.sql.string("SELECT line || '/' || line_override || '/' || status FROM ticket WHERE id = \(ticket)") == "l2/l2/escalated")
            #expect(try await env.events(ticket, "escalated") == 1)
            try await env.runRoutingJobs()
            #expect(try await env.sql.string(
                "SELECT s.email FROM ticket t JOIN staff s ON s.id = t.assignee_id WHERE t.id = \(ticket)") == "kirill@demo.local")
        }
    }

    @Test func offShiftTheBreachedTicketIsReleasedForTheNextShift() async throws {
        try await EscalationEnv.with { env in
            // Sunday 12:00 YEKT: nobody on shift. Phone clocks run around the clock; the cap is 8 hours.
            let sunday = EscalationEnv.mondayNoon.addingTimeInterval(-24 * hour)
            let ticket = try await env.openTicket(.social, at: sunday)
            let breach = try await env.takeDueSLAJobs(until: sunday.addingTimeInterval(9 * hour))
                .first { $0.clock == .firstResponse && $0.deadline == .breach }
            let job = try #require(breach)
            #expect(job.dueAt == sunday.addingTimeInterval(8 * hour))
            env.clock.set(job.dueAt)
            guard case .escalated(let plan) = try await env.sla.handle(job) else { Issue.record("no breach"); return }
            #expect(plan.steps.contains(.reassign))
            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE id = \(ticket) AND assignee_id IS NULL") == 1)
            #expect(try await env.sql.int("SELECT count(*)::int FROM job WHERE queue = 'routing'") == 1)
        }
    }

    @Test func aComplaintsBreachNeverReachesTheStaffMemberItNames() async throws {
        try await EscalationEnv.with { env in
            let start = EscalationEnv.mondayNoon
            // The complaint names the only owner who leads the Owners team: every owner is told, except them.
            try await env.sql.exec(
                "INSERT INTO staff (name, email, roles) VALUES ('Oleg Owner', 'oleg@demo.local', '{owner}')")
            let ticket = try await env.openTicket(
                .telegram, at: start, category: .complaint, line: .l3, team: "Owners", assignee: "oleg@demo.local",
                named: "owner@demo.local")
            let jobs = try await env.takeDueSLAJobs(until: start.addingTimeInterval(hour))
            for job in jobs {
                env.clock.set(job.dueAt)
                _ = try await env.sla.handle(job)
            }
            #expect(try await env.events(ticket, "sla_breached") == 1)
            #expect(try await env.notified(ticket, "sla_breach", "oleg@demo.local") == 1)
            #expect(try await env.sql.int(
                "SELECT count(*)::int FROM notification n JOIN staff s ON s.id = n.recipient_staff_id WHERE s.email = 'owner@demo.local'") == 0)
        }
    }
}
