import Foundation
import SupportSchema

/// What the portal form (and a guest's JSON request) submits. The raw JSON is stored as is; this type
/// only validates it so the sender learns at once which field is wrong.
///
/// `{"name": "Ivan", "email": "ivan@example.com", "subject": "Payout", "body": "…", "category": "payment"}`
struct WebRequestForm: Decodable {
    var name: String?
    var email: String
    var subject: String?
    var body: String
    var category: String?
    var ticketNumber: Int64?

    enum CodingKeys: String, CodingKey {
        case name, email, subject, body, category
        case ticketNumber = "ticket_number"
    }

    static let maxBodyCharacters = 20_000

    /// Decodes and validates; the error names the field.
    static func validated(_ raw: [UInt8]) throws(APIError) -> WebRequestForm {
        let form: WebRequestForm
        do {
            form = try JSONDecoder().decode(WebRequestForm.self, from: Data(raw))
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIError(.badRequest, code: "missing_field", message: "\(key.stringValue): required")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.badRequest, code: "invalid_field", message: "\(field): wrong type")
        } catch {
            throw APIError(.badRequest, code: "malformed_json", message: "the body must be a JSON object with email and body")
        }
        let email = form.email.trimmingCharacters(in: .whitespaces)
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(" "), email.count <= 254 else {
            throw APIError(.badRequest, code: "invalid_field", message: "email: not an email address")
        }
        guard !form.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError(.badRequest, code: "invalid_field", message: "body: must not be empty")
        }
        guard form.body.count <= maxBodyCharacters else {
            throw APIError(.badRequest, code: "invalid_field", message: "body: at most \(maxBodyCharacters) characters")
        }
        if let category = form.category, Category(rawValue: category) == nil {
            let allowed = Category.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError(.badRequest, code: "invalid_field", message: "category: one of \(allowed)")
        }
        return form
    }
}
