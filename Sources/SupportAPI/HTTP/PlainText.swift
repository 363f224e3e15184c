/// The text rules the OpenAPI schemas state with `maxLength` and a pattern, checked the same way
/// (lengths in Unicode scalars, as JSON Schema counts them): PostgreSQL text cannot hold NUL, and
/// a required text must have something besides spaces.
enum PlainText {
    /// The pattern of a required text: not only spaces, no NUL.
    static let requiredPattern = "^[^\\u0000]*[^ \\u0000][^\\u0000]*$"
    /// The pattern of an optional text: no NUL.
    static let optionalPattern = "^[^\\u0000]*$"

    static func required(_ value: String?, _ field: String, max: Int) throws -> String {
        guard let value else { throw APIError(.badRequest, code: "missing_field", message: "\(field): required") }
        let scalars = value.unicodeScalars
        guard scalars.count <= max, scalars.contains(where: { $0 != " " }), !scalars.contains("\0") else {
            throw APIError(.badRequest, code: "invalid_field", message: "\(field): 1 to \(max) characters, not only spaces, no NUL")
        }
        return value
    }

    static func optional(_ value: String?, _ field: String, max: Int) throws -> String? {
        guard let value else { return nil }
        guard value.unicodeScalars.count <= max, !value.unicodeScalars.contains("\0") else {
            throw APIError(.badRequest, code: "invalid_field", message: "\(field): at most \(max) characters, no NUL")
        }
        return value
    }

    /// Whether `value` passes ``required(_:_:max:)``'s "not only spaces" rule.
    static func hasContent(_ value: String?) -> Bool {
        value?.unicodeScalars.contains(where: { $0 != " " }) ?? false
    }
}
