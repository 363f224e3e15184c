/// A Bot API call that returned `ok: false`.
public struct BotAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The HTTP-like code (400, 403 bot blocked, 429 flood control…).
    public let errorCode: Int
    /// Telegram's explanation, e.g. "Forbidden: bot was blocked by the user".
    public let description: String
    /// Seconds to wait before retrying, for 429.
    public let retryAfter: Int?

    public init(errorCode: Int, description: String, retryAfter: Int? = nil) {
        self.errorCode = errorCode
        self.description = description
        self.retryAfter = retryAfter
    }

    /// Worth retrying later: flood control or a Telegram-side failure.
    public var isRetryable: Bool { errorCode == 429 || errorCode >= 500 }
}
