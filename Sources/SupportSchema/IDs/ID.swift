/// A strongly typed row id: the `bigint` identity column of one table.
///
/// `Tag` is a phantom type that only tells ids of different tables apart, so a `TicketID` cannot be
/// passed where a `StaffID` is expected. The value encodes as a bare number (single-value Codable),
/// so payloads and API bodies read `{"ticket_id": 42}` rather than a nested object.
///
/// ```swift
/// let ticket: TicketID = 42
/// let parsed = TicketID("42")          // from a path parameter
/// print(ticket)                        // "42"
/// ```
public struct ID<Tag>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible, LosslessStringConvertible, ExpressibleByIntegerLiteral
{
    /// The database value (`bigint GENERATED ALWAYS AS IDENTITY`).
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: Int64) {
        self.rawValue = rawValue
    }

    public init(integerLiteral value: Int64) {
        self.rawValue = value
    }

    /// Parses a decimal id, e.g. from a URL path; `nil` for anything else, including blanks and signs.
    public init?(_ description: String) {
        guard !description.isEmpty, description.allSatisfy(\.isASCII), description.allSatisfy(\.isNumber),
            let value = Int64(description)
        else { return nil }
        self.rawValue = value
    }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { String(rawValue) }

    public static func < (lhs: ID, rhs: ID) -> Bool { lhs.rawValue < rhs.rawValue }
}
