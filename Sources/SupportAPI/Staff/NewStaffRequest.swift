import Foundation
import SupportSchema
import SupportStore

/// `POST /api/v1/staff`: `{"name": "...", "email": "...", "roles": ["agent"], "password": "..."}`.
struct NewStaffRequest: Decodable {
    var name: String
    var email: String
    var roles: [String]
    var password: String?
    var telegramUserID: Int64?

    enum CodingKeys: String, CodingKey {
        case name, email, roles, password
        case telegramUserID = "telegram_user_id"
    }

    /// Password rules shared with the CLI: 10 to 72 bytes (bcrypt's limit).
    static func checkPassword(_ password: String) throws(APIError) {
        guard password.count >= 10 else {
            throw APIError(.badRequest, code: "invalid_field", message: "password: at least 10 characters")
        }
        guard password.utf8.count <= LoginRequest.maxPasswordBytes else {
            throw APIError(.badRequest, code: "invalid_field", message: "password: at most \(LoginRequest.maxPasswordBytes) bytes")
        }
    }

    /// Validated and normalised, without the password hash (the caller hashes off the event loop);
    /// the 400 names the field.
    func validated() throws(APIError) -> NewStaffAccount {
        let name = self.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else {
            throw APIError(.badRequest, code: "invalid_field", message: "name: 1 to 200 characters")
        }
        let email = self.email.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(" "), email.count <= 254 else {
            throw APIError(.badRequest, code: "invalid_field", message: "email: not an email address")
        }
        var roles: [Role] = []
        for raw in self.roles {
            guard let role = Role(rawValue: raw), role.isStaff else {
                let allowed = Role.staffRoles.map(\.rawValue).joined(separator: ", ")
                throw APIError(.badRequest, code: "invalid_field", message: "roles: each one of \(allowed)")
            }
            if !roles.contains(role) { roles.append(role) }
        }
        guard !roles.isEmpty else { throw APIError(.badRequest, code: "invalid_field", message: "roles: at least one") }
        if let password { try Self.checkPassword(password) }
        return NewStaffAccount(
            name: name, email: email, roles: roles, passwordHash: nil, telegramUserID: telegramUserID)
    }
}
