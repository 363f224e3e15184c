/// The FAQ bot's answer drafted by the optional LLM (queue `intake`): queued instead of sending the
/// article's text at once, so that no transaction waits on the model. The handler drafts, then sends the
/// `bot_answer` (the article's text if the model fails).
public struct FAQBotDraftJob: JobPayload {
    public static let kind = "faq_bot_draft"
    public static let queue = QueueName.intake
    public static let currentSchemaVersion = 1

    public let schemaVersion: Int
    public var ticketID: TicketID
    /// The article the bot matched: its link goes with the draft, and its text is the fallback.
    public var articleID: ArticleID

    public init(ticketID: TicketID, articleID: ArticleID) {
        self.schemaVersion = Self.currentSchemaVersion
        self.ticketID = ticketID
        self.articleID = articleID
    }

    public var uniqueKey: String? { "faq_bot_draft:\(ticketID)" }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case ticketID = "ticket_id"
        case articleID = "article_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.schemaVersion = try JobPayloadCoding.decodeSchemaVersion(
            for: Self.self, from: container, forKey: .schemaVersion)
        self.ticketID = try container.decode(TicketID.self, forKey: .ticketID)
        self.articleID = try container.decode(ArticleID.self, forKey: .articleID)
    }
}
