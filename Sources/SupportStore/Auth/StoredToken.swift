public import Foundation
public import SupportSchema

/// A token row found by its hash, with what the authenticator needs to build the principal.
public struct StoredToken: Sendable, Hashable {
    public var id: Int64
    public var kind: AuthTokenKind
    public var subject: TokenSubject
    /// The staff member's roles now (not when the token was issued); empty for requesters.
    public var roles: [Role]
    /// False when the staff account was deactivated: its tokens stop working at once.
    public var subjectActive: Bool
    public var expiresAt: Date
    public var revokedAt: Date?
    public var lastUsedAt: Date?
    /// The database's clock at lookup.
    public var now: Date
}
