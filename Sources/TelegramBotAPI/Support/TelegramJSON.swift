public import Foundation

/// JSON decoding for Bot API payloads with UTF-8 validation and readable errors.
public enum TelegramJSON {
    /// Decodes `type` from `data`.
    ///
    /// - Throws: ``TelegramDecodingError`` with the failing field path (e.g. `message.chat.id`).
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(TelegramDecodingError) -> T {
        guard String(validating: data, as: UTF8.self) != nil else {
            throw TelegramDecodingError(.invalidUTF8, message: "the body is not valid UTF-8")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw TelegramDecodingError(.malformedJSON, message: "the body is not valid JSON")
        }
    }

    private static func describe(_ error: DecodingError) -> TelegramDecodingError {
        func path(_ keys: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let all = keys + (last.map { [$0] } ?? [])
            let text = all.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return text.isEmpty ? "the top level" : text.replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return TelegramDecodingError(.missingField, message: "missing field \(path(context.codingPath, key))")
        case .valueNotFound(_, let context):
            return TelegramDecodingError(.missingField, message: "null value at \(path(context.codingPath))")
        case .typeMismatch(let type, let context):
            return TelegramDecodingError(
                .typeMismatch, message: "\(path(context.codingPath)) is not of the expected type \(type)")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return TelegramDecodingError(.malformedJSON, message: "the body is not valid JSON")
            }
            return TelegramDecodingError(.malformedJSON, message: "invalid value at \(path(context.codingPath))")
        @unknown default:
            return TelegramDecodingError(.malformedJSON, message: "the body could not be decoded")
        }
    }
}
