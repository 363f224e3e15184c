import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// One `sla` job inside its transaction: load, check it is due, decide with the ladder, save, reschedule.
struct SLARun: Sendable {
    let job: SLAJob
    let configuration: EscalationConfiguration
    let connection: PostgresConnection
    let jobs: TransactionEnqueuer
    let logger: Logger

    func run() async throws -> SLAOutcome {
        guard let ticket = try await EscalationTicket.lock(job.ticketID, on: connection, logger: logger),
            ticket.generation == job.generation
        else { return .stale }
        let now = configuration.now()
        let desk = try await configuration.desk.settings(on: connection, logger: logger)
        guard let state = try await TicketSLAState.load(ticket.id, now: now, desk: desk, on: connection, logger: logger),
            let clock = state.clock(job.clock), clock.isOpen, let start = clock.runStartedAt,
            let due = clock.deadline(job.deadline)
        else { return .nothingDue }
        guard due <= now else {
            // The clocks moved without a reschedule (e.g. a policy edit): put the deadlines right.
            try await SLAScheduler(connection: connection, jobs: jobs, logger: logger, desk: desk).reschedule(ticket.id, now: now)
            return .nothingDue
        }
        if state.hasAlarm(clock, .breach) || (job.deadline == .warning && state.hasAlarm(clock, .warning)) {
            return .nothingDue
        }
        let staff = try await StaffRoster.load(at: now, shifts: desk.shifts, on: connection, logger: logger)
        let assignee = ticket.assigneeID.flatMap { id in staff.first { $0.id == id } }
        let facts = EscalationFacts(
            line: ticket.line, category: ticket.category, isIncident: ticket.isIncident, assigneeID: ticket.assigneeID,
            assigneeAvailable: assignee.map { $0.isActive && !$0.isAway && $0.onShift } ?? false,
            teamLeadID: ticket.teamLeadID,
            earlierBreaches: state.alarmed.filter { $0.hasSuffix(":" + SLADeadlineKind.breach.rawValue) }.count,
            isConfidential: ticket.isConfidential)
        let alarm = SLAAlarm(clock: job.clock, deadline: job.deadline, dueAt: due)
        let plan = configuration.ladder.plan(for: alarm, facts: facts)

        let run = SLARunKey.key(job.clock, startedAt: start)
        try await TicketStore(connection: connection, logger: logger).recordEvent(
            ticket.id, job.deadline == .warning ? .slaWarning : .slaBreached, actor: .system,
            data: [
                "clock": .string(job.clock.rawValue), "deadline": .string(job.deadline.rawValue), "run": .string(run),
                "due_at": .string(due.formatted(.iso8601)), "why": .string(plan.why),
            ])
        let clockName = job.clock.rawValue.replacingOccurrences(of: "_", with: " ")
        let text =
            job.deadline == .warning
            ? "Ticket #\(ticket.number): \(clockName) due at \(due.formatted(.iso8601)) — \(ticket.subject)"
            : "Ticket #\(ticket.number): \(clockName) breached (due \(due.formatted(.iso8601))) — \(plan.why)"
        try await EscalationWriter(ticket: ticket, connection: connection, jobs: jobs, logger: logger).carryOut(
            plan, template: job.deadline == .warning ? "sla_warning" : "sla_breach", text: text,
            key: "sla:\(ticket.id):\(run):\(job.deadline.rawValue)", actor: .system)
        if job.deadline == .breach {
            try await SLAScheduler(connection: connection, jobs: jobs, logger: logger, desk: desk).reschedule(ticket.id, now: now)
        }
        return .escalated(plan)
    }
}
