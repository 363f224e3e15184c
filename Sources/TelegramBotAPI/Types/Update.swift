public import Foundation

/// One webhook delivery from the Bot API.
///
/// Decoding never fails because of an update type added to the Bot API later: anything other than `message`,
/// `edited_message` and `callback_query` decodes with ``kind`` `.unsupported("<key>")`. Deduplicate on
/// ``updateID``; Telegram redelivers until the webhook answers 200.
///
/// ```swift
/// let update = try Update(json: body)          // throws TelegramDecodingError on bad input
/// switch update.kind {
/// case .message: …
/// case .unsupported(let kind): logger.debug("ignored \(kind)")
/// }
/// ```
public struct Update: Codable, Sendable, Hashable {
    /// Increasing id of the update; the deduplication key for redeliveries.
    public let updateID: Int64
    public let message: Message?
    public let editedMessage: Message?
    public let callbackQuery: CallbackQuery?
    /// Keys of update types this module does not model (their payloads are not decoded).
    public let unsupportedKinds: [String]

    public init(
        updateID: Int64, message: Message? = nil, editedMessage: Message? = nil, callbackQuery: CallbackQuery? = nil,
        unsupportedKinds: [String] = []
    ) {
        self.updateID = updateID
        self.message = message
        self.editedMessage = editedMessage
        self.callbackQuery = callbackQuery
        self.unsupportedKinds = unsupportedKinds
    }

    /// Decodes a webhook body, validating UTF-8 first and turning decoder errors into a clear message.
    public init(json data: Data) throws(TelegramDecodingError) {
        self = try TelegramJSON.decode(Update.self, from: data)
    }

    /// The handled kind, or the first unknown key.
    public var kind: UpdateKind {
        if message != nil { return .message }
        if editedMessage != nil { return .editedMessage }
        if callbackQuery != nil { return .callbackQuery }
        return .unsupported(unsupportedKinds.first ?? "empty")
    }

    /// The message the update is about: the new or edited message, or the one under a pressed button.
    public var effectiveMessage: Message? { message ?? editedMessage ?? callbackQuery?.message }

    /// The user who caused the update.
    public var sender: User? { callbackQuery?.from ?? effectiveMessage?.from }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case updateID = "update_id"
        case message
        case editedMessage = "edited_message"
        case callbackQuery = "callback_query"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        updateID = try container.decode(Int64.self, forKey: .updateID)
        message = try container.decodeIfPresent(Message.self, forKey: .message)
        editedMessage = try container.decodeIfPresent(Message.self, forKey: .editedMessage)
        callbackQuery = try container.decodeIfPresent(CallbackQuery.self, forKey: .callbackQuery)
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        let all = try decoder.container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue)
        unsupportedKinds = all.filter { !known.contains($0) }.sorted()
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(updateID, forKey: .updateID)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeIfPresent(editedMessage, forKey: .editedMessage)
        try container.encodeIfPresent(callbackQuery, forKey: .callbackQuery)
    }
}

/// A coding key for any string, used to list the keys of an update.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
