public import SupportSchema

/// One history entry to append with ``TicketStore/recordEvents(_:_:)``.
public struct NewTicketEvent: Sendable {
    public var type: TicketEventType
    public var actor: TicketActor
    public var data: [String: StoredJSON]

    public init(_ type: TicketEventType, actor: TicketActor, data: [String: StoredJSON] = [:]) {
        self.type = type
        self.actor = actor
        self.data = data
    }
}
