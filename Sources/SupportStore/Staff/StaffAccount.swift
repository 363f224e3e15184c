public import Foundation
public import SupportSchema

/// A staff account as the API shows it (never the password hash).
public struct StaffAccount: Sendable, Hashable, Codable {
    public var id: StaffID
    public var name: String
    public var email: String
    public var roles: [Role]
    public var active: Bool
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, email, roles, active
        case createdAt = "created_at"
    }

    public init(id: StaffID, name: String, email: String, roles: [Role], active: Bool, createdAt: Date) {
        self.id = id
        self.name = name
        self.email = email
        self.roles = roles
        self.active = active
        self.createdAt = createdAt
    }
}
