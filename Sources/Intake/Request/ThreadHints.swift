/// What ties an item to an existing ticket, strongest first.
public struct ThreadHints: Sendable, Hashable {
    /// A ticket number the item names: the `[#N]` subject tag, or a form's `ticket_number`.
    public var ticketNumber: Int64?
    /// External message ids this item answers: email In-Reply-To then References, or the telegram message
    /// replied to (`chat_id:message_id`).
    public var references: [String]

    public init(ticketNumber: Int64? = nil, references: [String] = []) {
        self.ticketNumber = ticketNumber
        self.references = references
    }

    public var isEmpty: Bool { ticketNumber == nil && references.isEmpty }
}
