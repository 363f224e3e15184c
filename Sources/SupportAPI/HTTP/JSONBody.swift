import Foundation
import Hummingbird

/// Reads a size-limited JSON request body and decodes it with errors that name the field.
enum JSONBody {
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch {
            throw APIError(.contentTooLarge, code: "too_large", message: "the body may be at most \(limit) bytes")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: body))
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            throw APIError(.badRequest, code: "missing_field", message: "\(path): required")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.badRequest, code: "invalid_field", message: "\(field): wrong type")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.badRequest, code: "invalid_field", message: "\(field): \(context.debugDescription)")
        } catch {
            throw APIError(.badRequest, code: "malformed_json", message: "the body must be a JSON object")
        }
    }

    /// A JSON response with a status.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        var response = try encoder.encodeAsResponse(value)
        response.status = status
        return response
    }
}
