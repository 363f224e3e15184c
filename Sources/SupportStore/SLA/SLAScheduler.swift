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
    /// The calendars and policies, when the caller has them (routing, SLA); nil reads them per ticket.
    public let desk: DeskSettings?

    public init(connection: PostgresConnection, jobs: TransactionEnqueuer, logger: Logger, desk: DeskSettings? = nil) {
        self.connection = connection
        self.jobs = jobs
        self.logger = logger
        self.desk = desk
    }

    /// Returns the jobs scheduled (empty for a stopped ticket or a missing one).
    @discardableResult
    public func reschedule(_ ticket: TicketID, now: Date) async throws -> [SLAJob] {
        guard let state = try await TicketSLAState.load(ticket, now: now, desk: desk, on: connection, logger: logger)
        else { return [] }
        let deadlines = Self.deadlines(of: state)
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(deadlines.nearestBreach)
        bindings.append(ticket.rawValue)
        let rows = try await connection.rows(of: GenerationSQL.self, bindings, logger: logger)
        guard let generation = try rows.first?.decode(Int64.self) else { return [] }
        return try schedule(deadlines, of: ticket, generation: generation)
    }

    /// The deadlines still to alarm: each open clock's breach and, before it, its warning, unless already
    /// alarmed in the clock's current run. `nearestBreach` goes in `ticket.sla_due_at`.
    public static func deadlines(of state: TicketSLAState) -> SLADeadlines {
        var pending: [SLADeadlines.Deadline] = []
        for clock in state.clocks where clock.isOpen {
            guard let warning = clock.deadline(.warning), let breach = clock.deadline(.breach) else { continue }
            if warning < breach, !state.hasAlarm(clock, .warning), !state.hasAlarm(clock, .breach) {
                pending.append(.init(clock: clock.clock, deadline: .warning, due: warning))
            }
            if !state.hasAlarm(clock, .breach) { pending.append(.init(clock: clock.clock, deadline: .breach, due: breach)) }
        }
        return SLADeadlines(pending: pending)
    }

    /// Enqueues (at commit) an `sla` job per deadline, under the ticket's new `generation`: whoever wrote
    /// `sla_due_at` has bumped it, so every job scheduled before is stale.
    @discardableResult
    public func schedule(_ deadlines: SLADeadlines, of ticket: TicketID, generation: Int64) throws -> [SLAJob] {
        let scheduled = deadlines.pending.map {
            SLAJob(ticketID: ticket, clock: $0.clock, deadline: $0.deadline, generation: generation, dueAt: $0.due)
        }
        if !scheduled.isEmpty {
            jobs.enqueueAtCommit(batch: try scheduled.map { try NewJob($0, schedule: .at($0.dueAt), maxAttempts: 10) })
        }
        return scheduled
    }

    private enum GenerationSQL: RepeatedStatement {
        static let sql = "UPDATE ticket SET sla_generation = sla_generation + 1, sla_due_at = $1 WHERE id = $2 RETURNING sla_generation"
        static let parameterTypes: [PostgresDataType] = [.timestamptz, .int8]
    }
}
