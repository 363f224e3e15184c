import SupportStore

/// A page of tickets: `next_cursor` is passed back as `cursor` for the next page, null on the last.
struct TicketPage: Encodable {
    var items: [TicketSummary]
    var nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
