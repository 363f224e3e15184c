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

    /// Loads and computes; nil for a ticket that does not exist. `desk`, when the caller has the calendars
    /// and policies already (the workers keep them), saves reading them again.
    public static func load(
        _ id: TicketID, now: Date, desk: DeskSettings? = nil, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> TicketSLAState? {
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(id.rawValue)
        bindings.append((SLAHistory.relevantTypes + [.slaWarning, .slaBreached]).map(\.rawValue))
        // One row per relevant event (or one with no event), each carrying the ticket's columns.
        var ticket: (channel: SupportSchema.Channel, priority: SupportSchema.Priority, status: TicketStatus, generation: Int64, calendar: String)?
        var entries: [TicketHistoryEntry] = []
        var alarmed: Set<String> = []
        for row in try await connection.rows(of: StateSQL.self, bindings, logger: logger) {
            let (channelText, priorityText, statusText, generation, calendarName, type, actor, at, from, to, priority, logged, run, deadline) =
                try row.decode((String, String, String, Int64, String, String?, String?, Date?, String?, String?, String?, String?, String?, String?).self)
            if ticket == nil {
                guard let channel = Channel(rawValue: channelText), let priority = Priority(rawValue: priorityText),
                    let status = TicketStatus(rawValue: statusText)
                else { throw TicketStoreError.unexpectedValue("ticket \(id): channel \(channelText), priority \(priorityText)") }
                ticket = (channel, priority, status, generation, calendarName)
            }
            guard let type, let actor, let at else { continue }
            let kind = TicketEventType(rawValue: type)
            if kind == .slaWarning || kind == .slaBreached {
                if let run, let deadline { alarmed.insert(run + ":" + deadline) }
                continue
            }
            var data: [String: String] = [:]
            data["from"] = from
            data["to"] = to
            data["priority"] = priority
            data["logged_by_staff_id"] = logged
            entries.append(TicketHistoryEntry(kind, by: AuthorKind(rawValue: actor) ?? .system, at: at, data: data))
        }
        guard let (channel, priority, status, generation, calendarName) = ticket else { return nil }
        let calendars = if let desk { desk.calendars } else { try await TeamDirectory.calendars(on: connection, logger: logger) }
        let policies = if let desk { desk.policies } else { try await SLAPolicyStore.table(on: connection, logger: logger) }
        let clock = SLAClock(
            policies: policies,
            calendar: calendars[calendarName] ?? .standard, channel: channel)
        let events = SLAHistory.events(from: entries)
        let rescaled = events.contains { if case .priorityChanged = $0.kind { true } else { false } }
        // What is recorded has happened: never compute at an instant before it (the database stamps events
        // with its own clock, which may run a little ahead of the caller's).
        let instant = max(now, entries.last?.at ?? now)
        let clocks = clock.status(events: events, priority: rescaled ? .normal : priority, now: instant)
        return TicketSLAState(ticketID: id, status: status, generation: generation, clocks: clocks, alarmed: alarmed)
    }

    private enum StateSQL: RepeatedStatement {
        static let sql = """
            SELECT t.channel, t.priority, t.status, t.sla_generation, coalesce(tm.calendar_name, 'default'),
                   e.type, e.actor_kind, e.at, e.data->>'from', e.data->>'to', e.data->>'priority',
                   e.data->>'logged_by_staff_id', e.data->>'run', e.data->>'deadline'
            FROM ticket t
            LEFT JOIN team tm ON tm.id = t.team_id
            LEFT JOIN LATERAL (SELECT id, type, actor_kind, at, data FROM ticket_event
                               WHERE ticket_id = t.id AND type = ANY($2)) e ON true
            WHERE t.id = $1
            ORDER BY e.at, e.id
            """
        static let parameterTypes: [PostgresDataType] = [.int8, .textArray]
    }
}
