import Hummingbird
import Logging

/// Under `/api/v1`, every error leaves as `{"error": {"code", "message"}}`: Hummingbird's own
/// (unknown route) get a code from their status, a documented path asked with an undocumented method
/// is 405 with `Allow`, anything unexpected becomes a 500 whose details go to the log only.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/v1") else { return try await next(request, context) }
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError {
            if error.status == .notFound, let allowed = DocumentedRoutes.allowedMethods(for: request.uri.path),
                !allowed.contains(request.method.rawValue)
            {
                throw APIError(
                    .methodNotAllowed, code: "method_not_allowed", message: "use \(allowed.joined(separator: ", "))",
                    headers: [.allow: allowed.joined(separator: ", ")])
            }
            throw APIError(error.status, code: Self.code(for: error.status), message: error.body ?? error.status.reasonPhrase)
        } catch {
            context.logger.error("unhandled API error", metadata: ["error": "\(String(reflecting: error))"])
            throw APIError(.internalServerError, code: "internal", message: "the server failed to handle the request")
        }
    }

    static func code(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .unauthorized: "unauthenticated"
        case .forbidden: "forbidden"
        case .contentTooLarge: "too_large"
        case .badRequest: "bad_request"
        default: status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
        }
    }
}
