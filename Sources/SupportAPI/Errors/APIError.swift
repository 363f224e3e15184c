import Foundation
import Hummingbird
import SupportRuntime

/// Every API error goes out as `{"error": {"code": "...", "message": "..."}}` with its HTTP status.
public struct APIError: Error, HTTPResponseError, Sendable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    /// Stable machine-readable code, e.g. `bad_secret`, `malformed_json`.
    public var code: String
    /// One sentence for a person; never contains secrets or the request body.
    public var message: String

    public init(_ status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try JSONEncoder().encodeAsResponse(["error": ["code": code, "message": message]])
        response.status = status
        return response
    }
}
