public import Foundation
public import SupportSchema

/// One `ticket_event` as staff see it in a ticket's history.
public struct TicketHistoryEvent: Sendable, Hashable, Encodable {
    public var id: TicketEventID
    public var type: String
    public var actorKind: AuthorKind
    public var actorID: Int64?
    public var data: JSONValue
    public var at: Date

    enum CodingKeys: String, CodingKey {
        case id, type, data, at
        case actorKind = "actor_kind"
        case actorID = "actor_id"
    }
}
