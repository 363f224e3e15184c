/// The chat a message belongs to; replies are sent to its ``id``.
public struct Chat: Codable, Sendable, Hashable {
    /// Chat ids exceed 32 bits and are negative for groups.
    public let id: Int64
    /// `private`, `group`, `supergroup` or `channel` (kept as a string so new kinds never fail decoding).
    public let type: String
    public let title: String?
    public let username: String?
    public let firstName: String?
    public let lastName: String?

    public init(
        id: Int64, type: String = "private", title: String? = nil, username: String? = nil, firstName: String? = nil,
        lastName: String? = nil
    ) {
        self.id = id
        self.type = type
        self.title = title
        self.username = username
        self.firstName = firstName
        self.lastName = lastName
    }

    enum CodingKeys: String, CodingKey {
        case id, type, title, username
        case firstName = "first_name"
        case lastName = "last_name"
    }

    /// A one-to-one chat with the bot, the normal support case.
    public var isPrivate: Bool { type == "private" }
}
