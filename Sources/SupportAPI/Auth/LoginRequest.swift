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


    /// The lower-cased email, or a 400 naming the field. Mirrors the OpenAPI schema exactly.
    func validatedLogin() throws -> String {
        guard EmailAddress.isPlausible(email) else {
            throw APIError(.badRequest, code: "invalid_field", message: "email: not an email address")
        }
        let login = email.lowercased()
        guard !password.isEmpty else { throw APIError(.badRequest, code: "invalid_field", message: "password: must not be empty") }
        guard password.unicodeScalars.count <= PasswordHashing.maximumCharacters else {
            throw APIError(.badRequest, code: "invalid_field", message: "password: at most \(PasswordHashing.maximumCharacters) characters")
        }
        if tokenKind == .api && (account ?? .staff) != .staff {
            throw APIError(.forbidden, code: "api_token_not_allowed", message: "token_kind: api tokens are for staff accounts")
        }
        if let label, label.unicodeScalars.count > Self.maxLabelCharacters || label.unicodeScalars.contains("\0") {
            throw APIError(.badRequest, code: "invalid_field", message: "label: at most \(Self.maxLabelCharacters) characters, no NUL")
        }
        return login
    }
}
