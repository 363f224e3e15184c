/// One button under a message: either sends `callback_data` back to the bot or opens a URL.
public struct InlineKeyboardButton: Codable, Sendable, Hashable {
    public let text: String
    /// At most 64 bytes; see ``SupportCallbackData``.
    public let callbackData: String?
    public let url: String?

    public init(text: String, callbackData: String) {
        self.text = text
        self.callbackData = callbackData
        self.url = nil
    }

    public init(text: String, url: String) {
        self.text = text
        self.callbackData = nil
        self.url = url
    }

    /// A button that sends a support action back to the bot.
    public init(text: String, action: SupportCallbackData) {
        self.init(text: text, callbackData: action.callbackData)
    }

    enum CodingKeys: String, CodingKey {
        case text
        case callbackData = "callback_data"
        case url
    }
}
