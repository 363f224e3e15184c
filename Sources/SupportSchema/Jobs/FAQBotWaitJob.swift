/// The FAQ bot's wait after answering a ticket (queue `intake`, scheduled `run_at` = answer + wait): if
/// the requester has neither pressed a button nor written by then, the ticket goes to a person.
public struct FAQBotWaitJob: JobPayload {
    public static let kind = "faq_bot_wait"
    public static let queue = QueueName.intake
    public static let currentSchemaVersion = 1

    public let schemaVersion: Int
    public var ticketID: TicketID

    public init(ticketID: TicketID) {
        self.schemaVersion = Self.currentSchemaVersion
        self.ticketID = ticketID
    }

    /// The bot answers a ticket once, so one wait per ticket.
    public var uniqueKey: String? { "faq_bot_wait:\(ticketID)" }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case ticketID = "ticket_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.schemaVersion = try JobPayloadCoding.decodeSchemaVersion(
            for: Self.self, from: container, forKey: .schemaVersion)
        self.ticketID = try container.decode(TicketID.self, forKey: .ticketID)
    }
}
