/// The type of an entry in a ticket's history (`ticket_event.type`).
///
/// A struct, not an enum: later features add event types without a migration, so the column only
/// checks the lower_snake format. The SLA clocks are derived from these events.
public struct TicketEventType: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }

    public static let created: TicketEventType = "created"
    public static let messageReceived: TicketEventType = "message_received"
    public static let replySent: TicketEventType = "reply_sent"
    public static let noteAdded: TicketEventType = "note_added"
    public static let statusChanged: TicketEventType = "status_changed"
    public static let classified: TicketEventType = "classified"
    public static let priorityChanged: TicketEventType = "priority_changed"
    public static let assigned: TicketEventType = "assigned"
    /// Routing chose line, team and role (`data.why`); `assigned` follows when a person was chosen.
    public static let routed: TicketEventType = "routed"
    public static let escalated: TicketEventType = "escalated"
    public static let deescalated: TicketEventType = "deescalated"
    public static let linked: TicketEventType = "linked"
    public static let unlinked: TicketEventType = "unlinked"
    public static let merged: TicketEventType = "merged"
    public static let slaPolicyApplied: TicketEventType = "sla_policy_applied"
    public static let slaWarning: TicketEventType = "sla_warning"
    public static let slaBreached: TicketEventType = "sla_breached"
    public static let reopened: TicketEventType = "reopened"
    public static let botAnswered: TicketEventType = "bot_answered"
    public static let handedOver: TicketEventType = "handed_over"
    /// The requester said the FAQ bot's answer helped: resolved without a person.
    public static let deflected: TicketEventType = "deflected"
    public static let csatReceived: TicketEventType = "csat_received"
}
