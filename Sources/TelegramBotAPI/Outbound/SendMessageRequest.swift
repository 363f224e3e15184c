/// The body of `sendMessage`: a reply to the requester, optionally with buttons.
///
/// Encodes to exactly the JSON the Bot API expects; optional fields are omitted when `nil`.
///
/// ```swift
/// let request = SendMessageRequest(
///     chatID: 123456789, text: "Ticket #1042 is resolved. How did we do?",
///     replyMarkup: .satisfactionScores(ticketID: 1042))
/// ```
public struct SendMessageRequest: BotAPIRequest, Hashable {
    public typealias Response = Message
    public static let methodName = "sendMessage"

    /// The requester's chat (``Chat/id`` of their messages).
    public var chatID: Int64
    public var text: String
    /// `nil` sends the text verbatim, the safe default for agent-written replies.
    public var parseMode: ParseMode?
    public var replyMarkup: InlineKeyboardMarkup?
    /// Shows the reply as an answer to that message.
    public var replyToMessageID: Int?

    public init(
        chatID: Int64, text: String, parseMode: ParseMode? = nil, replyMarkup: InlineKeyboardMarkup? = nil,
        replyToMessageID: Int? = nil
    ) {
        self.chatID = chatID
        self.text = text
        self.parseMode = parseMode
        self.replyMarkup = replyMarkup
        self.replyToMessageID = replyToMessageID
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case text
        case parseMode = "parse_mode"
        case replyMarkup = "reply_markup"
        case replyToMessageID = "reply_to_message_id"
    }
}
