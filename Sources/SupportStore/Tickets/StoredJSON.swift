import Foundation

/// A small JSON value for the `jsonb` columns repositories write (`ticket_event.data`,
/// `notification.payload`, `message.attachments`), so callers build them without ad-hoc structs.
///
/// ```swift
/// let data: [String: StoredJSON] = ["inbound_item_id": .int(42), "edited": true, "reason": "requester_replied"]
/// ```
public enum StoredJSON: Sendable, Hashable, Encodable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
    case string(String)
    case int(Int64)
    case bool(Bool)
    case null
    case array([StoredJSON])
    case object([String: StoredJSON])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }

    /// `.string` for a value, `.null` for nil.
    public static func optional(_ value: String?) -> StoredJSON { value.map(StoredJSON.string) ?? .null }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .int(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .array(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .object(let fields):
            try fields.encode(to: encoder)
        }
    }

    /// The JSON text of an object, for binding as `\(text)::jsonb` (sorted keys: stable bytes in tests and diffs).
    public static func text(_ fields: [String: StoredJSON]) throws -> String {
        try text(of: StoredJSON.object(fields))
    }

    /// The JSON text of any value.
    public static func text(of value: StoredJSON) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
