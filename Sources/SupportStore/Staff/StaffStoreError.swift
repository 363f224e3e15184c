/// A staff repository failure the caller can explain to a person.
public enum StaffStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Another account already uses this email.
    case emailTaken(String)
    /// Another account already uses this telegram user id.
    case telegramTaken(Int64)

    public var description: String {
        switch self {
        case .emailTaken(let email): "a staff account with email \(email) already exists"
        case .telegramTaken(let id): "a staff account with telegram user id \(id) already exists"
        }
    }
}
