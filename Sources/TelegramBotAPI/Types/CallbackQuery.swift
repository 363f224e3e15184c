/// A press on an inline keyboard button (e.g. "this helped" or a CSAT score).
///
/// The bot must answer it with ``AnswerCallbackQueryRequest`` or the user's client keeps spinning.
public struct CallbackQuery: Codable, Sendable, Hashable {
    public let id: String
    public let from: User
    /// The message with the keyboard; absent for inline-mode messages, and may be very old.
    public let message: Message?
    public let inlineMessageID: String?
    public let chatInstance: String?
    /// The button's `callback_data`; see ``SupportCallbackData``.
    public let data: String?

    public init(
        id: String, from: User, message: Message? = nil, inlineMessageID: String? = nil, chatInstance: String? = nil,
        data: String? = nil
    ) {
        self.id = id
        self.from = from
        self.message = message
        self.inlineMessageID = inlineMessageID
        self.chatInstance = chatInstance
        self.data = data
    }

    enum CodingKeys: String, CodingKey {
        case id, from, message
        case inlineMessageID = "inline_message_id"
        case chatInstance = "chat_instance"
        case data
    }
}
