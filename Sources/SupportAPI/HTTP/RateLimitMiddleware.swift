import Hummingbird

/// Applies a ``RateLimiter`` to requests whose path is one of ``paths``, keyed by peer address:
/// 429 `rate_limited` with `Retry-After` when the client's bucket is empty.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let limiter: RateLimiter
    let paths: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard paths.contains(request.uri.path) else { return try await next(request, context) }
        let key = context.remoteAddress?.ipAddress ?? "unknown"
        if let wait = await limiter.take(key) {
            let seconds = wait.isFinite ? max(1, Int(wait.rounded(.up))) : 3600
            throw APIError(
                .tooManyRequests, code: "rate_limited", message: "too many requests; try again in \(seconds) s",
                headers: [.retryAfter: String(seconds)])
        }
        return try await next(request, context)
    }
}
