public import Foundation
public import Logging
public import PostgresNIO
public import SupportDomain
public import SupportSchema

/// A ticket's SLA clocks as of an instant, derived from its history under the current policies and its
/// team's calendar, with the alarms (warnings, breaches) already recorded per clock run.
public struct TicketSLAState: Sendable {
    public var ticketID: TicketID
    public var status: TicketStatus
    public var generation: Int64
    public var clocks: [SLAClockStatus]
    /// `SLARunKey` + ":" + deadline for every `sla_warning`/`sla_breached` event.
    public var alarmed: Set<String>

    public func clock(_ kind: SLAClockKind) -> SLAClockStatus? { clocks.first { $0.clock == kind } }

    public func hasAlarm(_ clock: SLAClockStatus, _ deadline: SLADeadlineKind) -> Bool {
        guard let start = clock.runStartedAt else { return false }
        return alarmed.contains(SLARunKey.key(clock.clock, startedAt: start) + ":" + deadline.rawValue)
    }

    /// The clocks of `history` at `now`.
    public init(_ history: TicketSLAHistory, calendars: [String: BusinessCalendar], policies: SLAPolicyTable, now: Date) {
        let clock = SLAClock(policies: policies, calendar: calendars[history.calendarName] ?? .standard, channel: history.channel)
        let events = SLAHistory.events(from: history.entries)
        let rescaled = events.contains { if case .priorityChanged = $0.kind { true } else { false } }
        // What is recorded has happened: never compute at an instant before it (the database stamps events
        // with its own clock, which may run a little ahead of the caller's).
        let instant = max(now, history.entries.last?.at ?? now)
        self.ticketID = history.ticketID
        self.status = history.status
        self.generation = history.generation
        self.clocks = clock.status(events: events, priority: rescaled ? .normal : history.priority, now: instant)
        self.alarmed = history.alarmed
    }

    /// Loads and computes; nil for a ticket that does not exist. `desk`, when the caller has the calendars
    /// and policies already (the workers keep them), saves reading them again.
    public static func load(
        _ id: TicketID, now: Date, desk: DeskSettings? = nil, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> TicketSLAState? {
        guard let history = try await TicketSLAHistory.load(id, on: connection, logger: logger) else { return nil }
        let calendars = if let desk { desk.calendars } else { try await TeamDirectory.calendars(on: connection, logger: logger) }
        let policies = if let desk { desk.policies } else { try await SLAPolicyStore.table(on: connection, logger: logger) }
        return TicketSLAState(history, calendars: calendars, policies: policies, now: now)
    }
}
