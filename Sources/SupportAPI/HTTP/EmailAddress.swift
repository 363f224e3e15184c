/// The email check of sign-in and staff accounts, kept identical to the OpenAPI pattern
/// `^[^@ \u0000]+@[^@ \u0000]*\.[^@ \u0000]*$` with `maxLength: 254`, so a request the document calls
/// valid is never refused here (Schemathesis checks both ways).
enum EmailAddress {
    static let maxLength = 254

    static func isPlausible(_ email: String) -> Bool {
        guard email.unicodeScalars.count <= maxLength, !email.unicodeScalars.contains(where: { $0 == " " || $0 == "\0" }) else {
            return false
        }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
    }
}
