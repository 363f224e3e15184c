public import Foundation
public import SupportSchema

/// One `ticket_event` row as the SLA clocks read it: type, actor kind, time, and the string fields of `data`.
public struct TicketHistoryEntry: Hashable, Sendable {
    public var type: TicketEventType
    public var actor: AuthorKind
    public var at: Date
    public var data: [String: String]

    public init(_ type: TicketEventType, by actor: AuthorKind, at: Date, data: [String: String] = [:]) {
        self.type = type
        self.actor = actor
        self.at = at
        self.data = data
    }
}
