public import Foundation
public import JobQueue
public import Logging
public import PostgresNIO
public import SupportDomain
public import SupportSchema

/// Recomputes a ticket's SLA clocks and schedules their deadlines as `sla` jobs, inside the caller's
/// transaction (whatever just changed the clocks: a new ticket, a reply, a pause, a priority).
///
/// Old jobs are never touched: the ticket's `sla_generation` is bumped, so a job scheduled before finds
/// it stale and does nothing. Deadlines already alarmed for the current run are not scheduled again.
public struct SLAScheduler: Sendable {
    public let connection: PostgresConnection
    public let jobs: TransactionEnqueuer
    public let logger: Logger
    /// Team calendars the caller already loaded in this transaction; nil reads them per ticket.
    public let calendars: [String: BusinessCalendar]?

    public init(connection: PostgresConnection, jobs: TransactionEnqueuer, logger: Logger,
                calendars: [String: BusinessCalendar]? = nil) {
        self.connection = connection
        self.jobs = jobs
        self.logger = logger
        self.calendars = calendars
    }

    /// Returns the jobs scheduled (empty for a stopped ticket or a missing one).
    @discardableResult
    public func reschedule(_ ticket: TicketID, now: Date) async throws -> [SLAJob] {
        guard let state = try await TicketSLAState.load(ticket, now: now, calendars: calendars, on: connection, logger: logger)
        else { return [] }
        var pending: [(SLAClockKind, SLADeadlineKind, Date)] = []
        for clock in state.clocks where clock.isOpen {
            guard let warning = clock.deadline(.warning), let breach = clock.deadline(.breach) else { continue }
            if warning < breach, !state.hasAlarm(clock, .warning), !state.hasAlarm(clock, .breach) {
                pending.append((clock.clock, .warning, warning))
            }
            if !state.hasAlarm(clock, .breach) { pending.append((clock.clock, .breach, breach)) }
        }
        let nearest = pending.filter { $0.1 == .breach }.map(\.2).min()
        let rows = try await connection.query(
            """
            UPDATE ticket SET sla_generation = sla_generation + 1, sla_due_at = \(nearest)
            WHERE id = \(ticket.rawValue) RETURNING sla_generation
            """, logger: logger
        ).collect()
        guard let generation = try rows.first?.decode(Int64.self) else { return [] }
        let scheduled = pending.map { clock, deadline, due in
            SLAJob(ticketID: ticket, clock: clock, deadline: deadline, generation: generation, dueAt: due)
        }
        if !scheduled.isEmpty {
            try await jobs.enqueue(batch: scheduled.map { try NewJob($0, schedule: .at($0.dueAt), maxAttempts: 10) })
        }
        return scheduled
    }
}
