/// The body of `answerCallbackQuery`, which stops the button's loading spinner (and can show a toast).
public struct AnswerCallbackQueryRequest: BotAPIRequest, Hashable {
    public typealias Response = Bool
    public static let methodName = "answerCallbackQuery"

    /// ``CallbackQuery/id`` of the pressed button.
    public var callbackQueryID: String
    /// A short notification for the user (0–200 characters).
    public var text: String?
    /// Show an alert dialog instead of a toast.
    public var showAlert: Bool?
    public var cacheTime: Int?

    public init(callbackQueryID: String, text: String? = nil, showAlert: Bool? = nil, cacheTime: Int? = nil) {
        self.callbackQueryID = callbackQueryID
        self.text = text
        self.showAlert = showAlert
        self.cacheTime = cacheTime
    }

    enum CodingKeys: String, CodingKey {
        case callbackQueryID = "callback_query_id"
        case text
        case showAlert = "show_alert"
        case cacheTime = "cache_time"
    }
}
