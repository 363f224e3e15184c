/// A formatted span of a message's text (command, mention, link…).
///
/// `offset` and `length` count UTF-16 code units, as the Bot API defines them; use
/// ``Message/text(of:)`` rather than indexing `String` characters.
public struct MessageEntity: Codable, Sendable, Hashable {
    /// E.g. `bot_command`, `mention`, `url`, `bold`.
    public let type: String
    public let offset: Int
    public let length: Int
    public let url: String?
    public let user: User?
    public let language: String?

    public init(type: String, offset: Int, length: Int, url: String? = nil, user: User? = nil, language: String? = nil) {
        self.type = type
        self.offset = offset
        self.length = length
        self.url = url
        self.user = user
        self.language = language
    }

    public var isBotCommand: Bool { type == "bot_command" }
}
