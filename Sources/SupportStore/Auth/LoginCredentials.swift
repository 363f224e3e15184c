public import SupportSchema

/// The account a login email names, with its bcrypt hash (nil when no password was ever set).
public struct LoginCredentials: Sendable, Hashable {
    public var subject: TokenSubject
    public var passwordHash: String?
    /// Staff roles; empty for requesters.
    public var roles: [Role]
    /// Deactivated staff cannot sign in.
    public var active: Bool
}
