import Foundation
import SupportSchema
import SupportStore

/// Builds the raw JSON of a `phone`, `api` or `chat` item from an authenticated caller's request body:
/// the fields intake reads (`StructuredRequestBody`), with the server's own values where the caller may
/// not choose (who logged the call, whose ticket it is).
enum StructuredInbound {
    /// The fields intake reads, typed, so a wrong type is refused here with the field's name.
    struct Form: Decodable {
        var name: String?
        var email: String?
        var phone: String?
        var externalID: String?
        var subject: String?
        var body: String
        var category: String?
        var ticketNumber: Int64?
        var messageID: String?

        enum CodingKeys: String, CodingKey {
            case name, email, phone, subject, body, category
            case externalID = "external_id"
            case ticketNumber = "ticket_number"
            case messageID = "message_id"
        }

        func value(_ key: String) -> String? {
            switch key {
            case "email": email
            case "phone": phone
            case "external_id": externalID
            default: nil
            }
        }
    }

    /// Checks the body, then overrides `overrides` in the stored JSON; the 400 names the field.
    static func raw(_ body: [UInt8], requireOneOf keys: [String], overrides: [String: Any]) throws(APIError) -> [UInt8] {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            throw APIError(.badRequest, code: "malformed_json", message: "the body must be a JSON object")
        }
        // Foundation's decoder reports a fractional number for an integer without the field's name.
        // A JSON true is a boolean NSNumber, which also bridges to Int; tell them apart by class.
        if let number = object["ticket_number"], !(number is NSNull),
            String(describing: type(of: number)) == "__NSCFBoolean" || !(number is Int || number is Int64)
        {
            throw APIError(.badRequest, code: "invalid_field", message: "ticket_number: an integer")
        }
        let form: Form
        do {
            form = try JSONDecoder().decode(Form.self, from: Data(body))
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIError(.badRequest, code: "missing_field", message: "\(key.stringValue): required")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw APIError(.badRequest, code: "invalid_field", message: "\(context.codingPath.map(\.stringValue).joined(separator: ".")): wrong type")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw APIError(.badRequest, code: "invalid_field", message: "\(context.codingPath.map(\.stringValue).joined(separator: ".")): wrong type")
        } catch {
            throw APIError(.badRequest, code: "malformed_json", message: "the body must be a JSON object with a body")
        }
        guard form.body.unicodeScalars.contains(where: { !CharacterSet.whitespacesAndNewlines.contains($0) }),
            form.body.unicodeScalars.count <= 100_000
        else { throw APIError(.badRequest, code: "invalid_field", message: "body: 1 to 100000 characters, not blank") }
        if let category = form.category, Category(rawValue: category) == nil {
            throw APIError(.badRequest, code: "invalid_field", message: "category: one of \(Category.rawValues.joined(separator: ", "))")
        }
        if let email = form.email, !EmailAddress.isPlausible(email) {
            throw APIError(.badRequest, code: "invalid_field", message: "email: not an email address")
        }
        if let number = form.ticketNumber, number < 1 {
            throw APIError(.badRequest, code: "invalid_field", message: "ticket_number: a ticket number")
        }
        if !keys.contains(where: { !(form.value($0) ?? "").isEmpty }) {
            throw APIError(.badRequest, code: "missing_field", message: "\(keys.joined(separator: " or ")): required")
        }
        for (key, value) in overrides { object[key] = value }
        guard let data = try? JSONSerialization.data(withJSONObject: object) else {
            throw APIError(.badRequest, code: "malformed_json", message: "the body must be a JSON object")
        }
        return Array(data)
    }
}
