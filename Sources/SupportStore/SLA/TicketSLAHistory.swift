public import Foundation
public import Logging
public import PostgresNIO
public import SupportDomain
public import SupportSchema

/// What a ticket's SLA clocks are computed from, as stored: the columns they read, the SLA-relevant
/// history in time order, and the alarms already recorded per clock run.
public struct TicketSLAHistory: Sendable {
    public var ticketID: TicketID
    public var channel: SupportSchema.Channel
    public var priority: SupportSchema.Priority
    public var status: TicketStatus
    public var generation: Int64
    /// The ticket's team's calendar, `default` without a team.
    public var calendarName: String
    public var entries: [TicketHistoryEntry]
    /// `SLARunKey` + ":" + deadline for every `sla_warning`/`sla_breached` event.
    public var alarmed: Set<String>
    /// The loading transaction's `now()`: the time the database stamps the events this transaction adds.
    public var transactionTime: Date

    /// The history as it reads once a routing's writes commit: its priority and team calendar in the
    /// columns and, on the first routing, its `classified` entry. Lets routing schedule the clocks in the
    /// same `UPDATE` that routes (one ticket row version, not two).
    public func routed(priority: SupportSchema.Priority, calendarName: String, classifying: Bool) -> TicketSLAHistory {
        var after = self
        after.priority = priority
        after.calendarName = calendarName
        if classifying {
            // Where `ORDER BY at, id` will put it: after everything stamped up to this transaction's start.
            let index = after.entries.firstIndex { $0.at > transactionTime } ?? after.entries.endIndex
            after.entries.insert(
                TicketHistoryEntry(.classified, by: .system, at: transactionTime, data: ["priority": priority.rawValue]), at: index)
        }
        return after
    }

    /// Nil for a ticket that does not exist.
    public static func load(_ id: TicketID, on connection: PostgresConnection, logger: Logger) async throws -> TicketSLAHistory? {
        try await load([id], on: connection, logger: logger)[id]
    }

    /// The histories of several tickets in one statement (a routing transaction shared by several
    /// tickets); a missing ticket has no entry.
    public static func load(_ ids: [TicketID], on connection: PostgresConnection, logger: Logger) async throws
        -> [TicketID: TicketSLAHistory]
    {
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(ids.map(\.rawValue))
        bindings.append((SLAHistory.relevantTypes + [.slaWarning, .slaBreached]).map(\.rawValue))
        var histories: [TicketID: TicketSLAHistory] = [:]
        // One row per relevant event (or one with no event), each carrying the ticket's columns.
        for row in try await connection.rows(of: StateSQL.self, bindings, logger: logger) {
            let (rawID, channelText, priorityText, statusText, generation, calendarName, transactionTime, type, actor, at, from, to, priority, logged, run, deadline) =
                try row.decode((Int64, String, String, String, Int64, String, Date, String?, String?, Date?, String?, String?, String?, String?, String?, String?).self)
            let id = TicketID(rawID)
            if histories[id] == nil {
                guard let channel = Channel(rawValue: channelText), let priority = Priority(rawValue: priorityText),
                    let status = TicketStatus(rawValue: statusText)
                else { throw TicketStoreError.unexpectedValue("ticket \(id): channel \(channelText), priority \(priorityText)") }
                histories[id] = TicketSLAHistory(
                    ticketID: id, channel: channel, priority: priority, status: status, generation: generation,
                    calendarName: calendarName, entries: [], alarmed: [], transactionTime: transactionTime)
            }
            guard let type, let actor, let at else { continue }
            let kind = TicketEventType(rawValue: type)
            if kind == .slaWarning || kind == .slaBreached {
                if let run, let deadline { histories[id]?.alarmed.insert(run + ":" + deadline) }
                continue
            }
            var data: [String: String] = [:]
            data["from"] = from
            data["to"] = to
            data["priority"] = priority
            data["logged_by_staff_id"] = logged
            histories[id]?.entries.append(TicketHistoryEntry(kind, by: AuthorKind(rawValue: actor) ?? .system, at: at, data: data))
        }
        return histories
    }

    private enum StateSQL: RepeatedStatement {
        static let sql = """
            SELECT t.id, t.channel, t.priority, t.status, t.sla_generation, coalesce(tm.calendar_name, 'default'), now(),
                   e.type, e.actor_kind, e.at, e.data->>'from', e.data->>'to', e.data->>'priority',
                   e.data->>'logged_by_staff_id', e.data->>'run', e.data->>'deadline'
            FROM ticket t
            LEFT JOIN team tm ON tm.id = t.team_id
            LEFT JOIN LATERAL (SELECT id, type, actor_kind, at, data FROM ticket_event
                               WHERE ticket_id = t.id AND type = ANY((SELECT $2)::text[])) e ON true
            WHERE t.id = ANY((SELECT $1)::int8[])
            ORDER BY t.id, e.at, e.id
            """
        static let parameterTypes: [PostgresDataType] = [.int8Array, .textArray]
    }
}
