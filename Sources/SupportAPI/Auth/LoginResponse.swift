import Foundation
import SupportDomain
import SupportSchema

/// A successful sign-in: the token (shown once, never stored) and who it is for.
struct LoginResponse: Encodable {
    var token: String
    var tokenType = "Bearer"
    var expiresAt: Date
    var principal: PrincipalBody

    enum CodingKeys: String, CodingKey {
        case token, principal
        case tokenType = "token_type"
        case expiresAt = "expires_at"
    }
}

/// `{"account": "staff", "id": 3, "roles": ["agent"]}` or `{"account": "requester", "id": 12}`.
struct PrincipalBody: Encodable {
    var account: AccountKind
    var id: Int64
    var roles: [Role]?

    init(_ principal: Principal) {
        switch principal {
        case .staff(let id, let roles):
            self.account = .staff
            self.id = id.rawValue
            self.roles = Role.staffRoles.filter { roles.contains($0) }
        case .requester(let id):
            self.account = .requester
            self.id = id.rawValue
            self.roles = nil
        }
    }
}
