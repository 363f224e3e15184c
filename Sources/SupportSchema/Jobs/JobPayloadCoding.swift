import Foundation

/// The one JSON format for every job payload: sorted keys (stable bytes, readable diffs in
/// `support jobs show`) and ISO 8601 dates with milliseconds.
public enum JobPayloadCoding {
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(fractionalFormat))
        }
        return encoder
    }

    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = try? fractionalFormat.parse(text) { return date }
            if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an ISO 8601 date")
        }
        return decoder
    }

    public static func encode<Payload: JobPayload>(_ payload: Payload) throws -> Data {
        try makeEncoder().encode(payload)
    }

    /// Decodes a payload; every failure comes out as a ``JobPayloadDecodingError``.
    public static func decode<Payload: JobPayload>(_ type: Payload.Type, from data: Data) throws(JobPayloadDecodingError)
        -> Payload
    {
        do {
            return try makeDecoder().decode(type, from: data)
        } catch let error as JobPayloadDecodingError {
            throw error
        } catch let error as DecodingError {
            throw JobPayloadDecodingError(
                code: .malformed, kind: Payload.kind, foundVersion: nil,
                supportedVersion: Payload.currentSchemaVersion, detail: error.shortDescription)
        } catch {
            throw JobPayloadDecodingError(
                code: .malformed, kind: Payload.kind, foundVersion: nil,
                supportedVersion: Payload.currentSchemaVersion, detail: nil)
        }
    }

    public static func decode<Payload: JobPayload>(_ type: Payload.Type, from bytes: [UInt8]) throws(JobPayloadDecodingError)
        -> Payload
    {
        try decode(type, from: Data(bytes))
    }

    /// Reads and checks `schema_version`: called first by every payload's `init(from:)`.
    public static func decodeSchemaVersion<Payload: JobPayload, Key: CodingKey>(
        for type: Payload.Type, from container: KeyedDecodingContainer<Key>, forKey key: Key
    ) throws -> Int {
        let version = try container.decode(Int.self, forKey: key)
        guard version >= 1 else {
            throw JobPayloadDecodingError(
                code: .invalidSchemaVersion, kind: Payload.kind, foundVersion: version,
                supportedVersion: Payload.currentSchemaVersion)
        }
        guard version <= Payload.currentSchemaVersion else {
            throw JobPayloadDecodingError(
                code: .unsupportedSchemaVersion, kind: Payload.kind, foundVersion: version,
                supportedVersion: Payload.currentSchemaVersion)
        }
        return version
    }

    private static let fractionalFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}

extension DecodingError {
    /// The failing field path and kind of failure, without any values.
    fileprivate var shortDescription: String {
        func path(_ context: Context) -> String {
            context.codingPath.map(\.stringValue).joined(separator: ".")
        }
        switch self {
        case .keyNotFound(let key, let context):
            let prefix = path(context)
            return "missing field \(prefix.isEmpty ? "" : prefix + ".")\(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "invalid value at \(path(context))"
        @unknown default:
            return "undecodable"
        }
    }
}
