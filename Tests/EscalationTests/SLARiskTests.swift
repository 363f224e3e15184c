import Foundation
import SupportStore
import Testing

/// The scaling signal "tickets likely to breach SLA within 30 minutes" counts running tickets by
/// their next deadline, on the database clock.
struct SLARiskTests {
    @Test func countsTicketsDueWithinTheWindowAndOverdueOnes() async throws {
        try await EscalationEnv.with { env in
            var tickets: [Int64] = []
            for _ in 0..<5 { tickets.append(try await env.openTicket(at: EscalationEnv.mondayNoon).rawValue) }
            // Due in 10 min, due in 29 min, due in 2 h, overdue by 5 min, and a resolved one due in 10 min.
            let deadlines = ["now() + interval '10 minutes'", "now() + interval '29 minutes'", "now() + interval '2 hours'",
                             "now() - interval '5 minutes'", "now() + interval '10 minutes'"]
            try await env.sql.exec("UPDATE ticket SET sla_due_at = NULL")
            for (ticket, due) in zip(tickets, deadlines) {
                try await env.sql.exec("UPDATE ticket SET sla_due_at = \(due) WHERE id = \(ticket)")
            }
            try await env.sql.exec("UPDATE ticket SET status = 'resolved', resolved_at = now() WHERE id = \(tickets[4])")

            let counts = try await SLARisk.counts(within: .seconds(30 * 60), client: env.client, logger: env.logger)
            #expect(counts == SLARisk.Counts(dueSoon: 2, overdue: 1))
            let wider = try await SLARisk.counts(within: .seconds(3 * 3600), client: env.client, logger: env.logger)
            #expect(wider == SLARisk.Counts(dueSoon: 3, overdue: 1))
        }
    }
}
