/// One header field as it appeared in the message, unfolded but not otherwise interpreted.
public struct MailHeaderField: Sendable, Hashable {
    /// The field name as written (compare case-insensitively; see ``MailHeaders``).
    public let name: String
    /// The unfolded value with surrounding whitespace trimmed; RFC 2047 encoded words are still encoded.
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// The value with RFC 2047 encoded words decoded, for display (Subject, Comments, and so on).
    public var decodedValue: String { EncodedWords.decode(value) }
}
