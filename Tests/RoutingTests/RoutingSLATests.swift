import Foundation
import PostgresNIO
@testable import Routing
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// Routing writes the SLA's due time in its own `UPDATE`, from the history as it will read after the
/// save. Whatever it schedules must be what a reschedule computes from the saved rows.
struct RoutingSLATests {
    @Test(arguments: [
        ("Бот не работает, сделки не открываются, всё зависло", RoutingJob.Reason.new),
        ("Где мой вывод? Деньги не пришли на карту уже два дня", .new),
        ("Как открыть сделку через гаранта?", .manual),
    ])
    func routingSchedulesWhatARescheduleWould(body: String, again: RoutingJob.Reason) async throws {
        try await RoutingEnv.with { env in
            let first = try await env.route(body, from: "ivan@example.com")
            try await expectScheduleMatchesReload(first.ticketID, env: env)
            // A second routing (the job again, or a staff member's re-route) moves to a new generation.
            let generation = try await env.sql.int("SELECT sla_generation::int FROM ticket WHERE id = \(first.ticketID)")
            _ = try #require(try await env.routing.process(ticketID: first.ticketID, reason: again))
            #expect(try await env.sql.int("SELECT sla_generation::int FROM ticket WHERE id = \(first.ticketID)") == generation + 1)
            try await expectScheduleMatchesReload(first.ticketID, env: env)
        }
    }

    /// The ticket's `sla_due_at` and its jobs of the current generation against `SLAScheduler.deadlines`
    /// of the state loaded back from the database.
    func expectScheduleMatchesReload(_ ticket: TicketID, env: RoutingEnv) async throws {
        let expected = try await env.client.withConnection { connection in
            let state = try #require(try await TicketSLAState.load(ticket, now: RoutingEnv.mondayNoon, on: connection, logger: env.logger))
            return SLAScheduler.deadlines(of: state)
        }
        #expect(!expected.pending.isEmpty, "a routed ticket's clocks run")
        let row = try #require(
            try await env.client.query("SELECT sla_due_at, sla_generation FROM ticket WHERE id = \(ticket.rawValue)", logger: env.logger)
                .collect().first)
        let (due, generation) = try row.decode((Date?, Int64).self)
        #expect(abs((due ?? .distantPast).timeIntervalSince(try #require(expected.nearestBreach))) < 0.001)
        let jobs = try await env.client.query(
            """
            SELECT run_at FROM job
            WHERE queue = 'sla' AND convert_from(payload, 'UTF8')::jsonb->>'ticket_id' = \(String(ticket.rawValue))
              AND (convert_from(payload, 'UTF8')::jsonb->>'generation')::int8 = \(generation)
            ORDER BY run_at
            """, logger: env.logger
        ).collect().map { try $0.decode(Date.self) }
        let dues = expected.pending.map(\.due).sorted()
        #expect(jobs.count == dues.count)
        for (job, due) in zip(jobs, dues) { #expect(abs(job.timeIntervalSince(due)) < 0.001) }
    }
}
