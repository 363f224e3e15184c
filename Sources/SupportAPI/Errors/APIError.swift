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
    /// Extra response headers, e.g. `Retry-After` on 429 or `WWW-Authenticate` on 401.
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try JSONEncoder().encodeAsResponse(["error": ["code": code, "message": message]])
        response.status = status
        response.headers.append(contentsOf: headers)
        return response
    }
}
