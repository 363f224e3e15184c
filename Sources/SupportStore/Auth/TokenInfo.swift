public import Foundation
public import SupportSchema

/// A token as its owner sees it in `GET /api/v1/auth/tokens`: never the token or its hash.
public struct TokenInfo: Sendable, Hashable, Encodable {
    public var id: Int64
    public var kind: AuthTokenKind
    public var label: String
    public var createdAt: Date
    public var expiresAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, kind, label
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case lastUsedAt = "last_used_at"
        case revokedAt = "revoked_at"
    }
}
