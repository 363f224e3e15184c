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
        var ticket = PostgresBindings()
        ticket.append(id.rawValue)
        let rows = try await connection.rows(of: TicketSQL.self, ticket, logger: logger)
        guard let row = rows.first else { return nil }
        let (channelText, priorityText, statusText, generation, calendarName) = try row.decode((String, String, String, Int64, String).self)
        guard let channel = Channel(rawValue: channelText), let priority = Priority(rawValue: priorityText),
            let status = TicketStatus(rawValue: statusText)
        else { throw TicketStoreError.unexpectedValue("ticket \(id): channel \(channelText), priority \(priorityText)") }

        var entries: [TicketHistoryEntry] = []
        var alarmed: Set<String> = []
        var history = ticket
        history.append((SLAHistory.relevantTypes + [.slaWarning, .slaBreached]).map(\.rawValue))
        for row in try await connection.rows(of: EventsSQL.self, history, logger: logger) {
            let (type, actor, at, from, to, priority, logged, run, deadline) = try row.decode(
                (String, String, Date, String?, String?, String?, String?, String?, String?).self)
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

    private enum TicketSQL: RepeatedStatement {
        static let sql = """
            SELECT t.channel, t.priority, t.status, t.sla_generation, coalesce(tm.calendar_name, 'default')
            FROM ticket t LEFT JOIN team tm ON tm.id = t.team_id WHERE t.id = $1
            """
        static let parameterTypes: [PostgresDataType] = [.int8]
    }

    private enum EventsSQL: RepeatedStatement {
        static let sql = """
            SELECT type, actor_kind, at, data->>'from', data->>'to', data->>'priority', data->>'logged_by_staff_id',
                   data->>'run', data->>'deadline'
            FROM ticket_event
            WHERE ticket_id = $1 AND type = ANY($2)
            ORDER BY at, id
            """
        static let parameterTypes: [PostgresDataType] = [.int8, .textArray]
    }
}
