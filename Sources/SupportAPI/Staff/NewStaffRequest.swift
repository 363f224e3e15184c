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

    /// Validated and normalised, without the password hash (the caller hashes off the event loop);
    /// the 400 names the field.
    func validated() throws(APIError) -> NewStaffAccount {
        // Mirrors the OpenAPI schema: 1…200 characters, not only spaces (the table's btrim check), no NUL.
        let scalars = name.unicodeScalars
        guard (1...200).contains(scalars.count), scalars.contains(where: { $0 != " " }), !scalars.contains("\0") else {
            throw APIError(.badRequest, code: "invalid_field", message: "name: 1 to 200 characters, not only spaces, no NUL")
        }
        guard EmailAddress.isPlausible(self.email) else {
            throw APIError(.badRequest, code: "invalid_field", message: "email: not an email address")
        }
        let email = self.email.lowercased()
        var roles: [Role] = []
        for raw in self.roles {
            guard let role = Role(rawValue: raw), role.isStaff else {
                let allowed = Role.staffRoles.map(\.rawValue).joined(separator: ", ")
                throw APIError(.badRequest, code: "invalid_field", message: "roles: each one of \(allowed)")
            }
            if !roles.contains(role) { roles.append(role) }
        }
        guard !roles.isEmpty else { throw APIError(.badRequest, code: "invalid_field", message: "roles: at least one") }
        if let password, let problem = PasswordHashing.problem(password) {
            throw APIError(.badRequest, code: "invalid_field", message: "password: \(problem)")
        }
        if let telegramUserID, telegramUserID < 1 {
            throw APIError(.badRequest, code: "invalid_field", message: "telegram_user_id: a positive number")
        }
        return NewStaffAccount(
            name: name, email: email, roles: roles, passwordHash: nil, telegramUserID: telegramUserID)
    }
}
