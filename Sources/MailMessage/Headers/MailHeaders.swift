/// The header section of a message or MIME part: an ordered list that keeps duplicates.
///
/// Mail headers repeat (Received, sometimes even Subject) and their names are case-insensitive, so this is a
/// list with case-insensitive lookup rather than a dictionary.
///
/// ```swift
/// let subject = message.headers["subject"]           // first "Subject", still encoded
/// let hops = message.headers.values(for: "Received") // every one, in order
/// ```
public struct MailHeaders: Sendable, Hashable, RandomAccessCollection {
    /// The fields in their original order.
    public let fields: [MailHeaderField]

    public init(_ fields: [MailHeaderField] = []) {
        self.fields = fields
    }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> MailHeaderField { fields[position] }

    /// The value of the first field called `name` (case-insensitive), or `nil`.
    public subscript(name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.value
    }

    /// Every value of the fields called `name` (case-insensitive), in order.
    public func values(for name: String) -> [String] {
        let wanted = name.lowercased()
        return fields.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    /// The first value of `name` with RFC 2047 encoded words decoded.
    public func decodedValue(for name: String) -> String? {
        self[name].map(EncodedWords.decode)
    }

    /// Whether a field called `name` is present at all (even empty).
    public func contains(_ name: String) -> Bool {
        self[name] != nil
    }
}
