/// Extra details of a failed Bot API call that tell the client how to recover.
public struct ResponseParameters: Codable, Sendable, Hashable {
    /// Seconds to wait before retrying after a 429 (flood control).
    public let retryAfter: Int?
    /// The group was upgraded to a supergroup with this id; resend there.
    public let migrateToChatID: Int64?

    public init(retryAfter: Int? = nil, migrateToChatID: Int64? = nil) {
        self.retryAfter = retryAfter
        self.migrateToChatID = migrateToChatID
    }

    enum CodingKeys: String, CodingKey {
        case retryAfter = "retry_after"
        case migrateToChatID = "migrate_to_chat_id"
    }
}
