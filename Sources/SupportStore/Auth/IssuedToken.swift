public import Foundation

/// A freshly stored token row: its id (for revocation and audit) and the database's expiry.
public struct IssuedToken: Sendable, Hashable {
    public var id: Int64
    public var expiresAt: Date
}
