/// The envelope of every Bot API answer: `{ok, result}` on success, `{ok: false, error_code, description,
/// parameters}` on failure.
///
/// ```swift
/// let response = try TelegramJSON.decode(BotAPIResponse<Message>.self, from: body)
/// let sent = try response.get()   // throws BotAPIError, with retryAfter for 429
/// ```
public struct BotAPIResponse<Result> {
    /// `true` when the call succeeded and ``result`` is set.
    public let ok: Bool
    public let result: Result?
    /// Telegram's error text when `ok` is `false`.
    public let description: String?
    public let errorCode: Int?
    /// Recovery hints such as `retry_after`.
    public let parameters: ResponseParameters?

    public init(
        ok: Bool, result: Result? = nil, description: String? = nil, errorCode: Int? = nil,
        parameters: ResponseParameters? = nil
    ) {
        self.ok = ok
        self.result = result
        self.description = description
        self.errorCode = errorCode
        self.parameters = parameters
    }

    enum CodingKeys: String, CodingKey {
        case ok, result, description
        case errorCode = "error_code"
        case parameters
    }

    /// The result on success; otherwise a ``BotAPIError`` carrying the code, description and retry delay.
    public func get() throws(BotAPIError) -> Result {
        if ok, let result { return result }
        throw BotAPIError(
            errorCode: errorCode ?? 0, description: description ?? (ok ? "ok without result" : "unknown error"),
            retryAfter: parameters?.retryAfter)
    }
}

extension BotAPIResponse: Decodable where Result: Decodable {}
extension BotAPIResponse: Encodable where Result: Encodable {}
extension BotAPIResponse: Sendable where Result: Sendable {}
extension BotAPIResponse: Equatable where Result: Equatable {}
extension BotAPIResponse: Hashable where Result: Hashable {}
