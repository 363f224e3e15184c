public import SupportSchema

/// A staff account to create: validated by the caller, hashed password included.
public struct NewStaffAccount: Sendable, Hashable {
    public var name: String
    /// Lower case.
    public var email: String
    public var roles: [Role]
    /// bcrypt; nil for staff who sign in some other way later.
    public var passwordHash: String?
    public var telegramUserID: Int64?

    public init(name: String, email: String, roles: [Role], passwordHash: String?, telegramUserID: Int64? = nil) {
        self.name = name
        self.email = email
        self.roles = roles
        self.passwordHash = passwordHash
        self.telegramUserID = telegramUserID
    }
}
