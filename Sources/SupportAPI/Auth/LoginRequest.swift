import Foundation
import SupportSchema

/// `POST /api/v1/auth/login`: `{"email": "...", "password": "...", "account": "staff" | "requester"}`.
struct LoginRequest: Decodable {
    var email: String
    var password: String
    /// Which kind of account to sign in to; staff when absent.
    var account: AccountKind?
    /// `session` (default) or, for staff, a long-lived `api` token for scripts.
    var tokenKind: AuthTokenKind?
    /// What the token is for, shown in `GET /api/v1/auth/tokens`.
    var label: String?

    enum CodingKeys: String, CodingKey {
        case email, password, account, label
        case tokenKind = "token_kind"
    }

    static let maxLabelCharacters = 100

    /// bcrypt reads at most 72 bytes; longer input is refused rather than silently truncated.
    static let maxPasswordBytes = 72

    /// The lower-cased, trimmed email, or a 400 naming the field.
    func validatedLogin() throws -> String {
        let login = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard !login.isEmpty, login.count <= 254, login.contains("@") else {
            throw APIError(.badRequest, code: "invalid_field", message: "email: not an email address")
        }
        guard !password.isEmpty else { throw APIError(.badRequest, code: "invalid_field", message: "password: must not be empty") }
        guard password.utf8.count <= Self.maxPasswordBytes else {
            throw APIError(.badRequest, code: "invalid_field", message: "password: at most \(Self.maxPasswordBytes) bytes")
        }
        if tokenKind == .api && (account ?? .staff) != .staff {
            throw APIError(.badRequest, code: "invalid_field", message: "token_kind: api tokens are for staff accounts")
        }
        if let label, label.count > Self.maxLabelCharacters {
            throw APIError(.badRequest, code: "invalid_field", message: "label: at most \(Self.maxLabelCharacters) characters")
        }
        return login
    }
}
