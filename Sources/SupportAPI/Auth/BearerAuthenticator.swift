import Hummingbird
import Logging
import SupportDomain
import SupportSchema
import SupportStore

/// Resolves `Authorization: Bearer …` to a ``Principal`` on the context.
///
/// No header: the request goes on anonymous, and endpoints that need someone answer 401.
/// A header with an unknown, expired or revoked token, or one of a deactivated account, is 401 at
/// once: a client holding a dead token should learn so, not be served as anonymous.
struct BearerAuthenticator: RouterMiddleware {
    typealias Context = APIRequestContext
    let database: Database
    let policy: TokenPolicy

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        guard let token = BearerToken.fromAuthorization(header) else {
            throw Self.unauthorized("invalid_token", "the Authorization header must be `Bearer <token>`")
        }
        let (principal, tokenID) = try await Self.resolve(token, database: database, policy: policy, logger: context.logger)
        var context = context
        context.principal = principal
        context.tokenID = tokenID
        return try await next(request, context)
    }

    /// The principal a token stands for (the pages' session cookie holds the same tokens).
    /// - Throws: 401 for an unknown, expired or revoked token, or a deactivated account.
    static func resolve(_ token: String, database: Database, policy: TokenPolicy, logger: Logger) async throws -> (Principal, Int64) {
        let hash = BearerToken.hash(token)
        let stored = try await database.connection { connection -> StoredToken? in
            let store = AuthStore(connection: connection, logger: logger)
            guard let stored = try await store.token(hash: hash) else { return nil }
            if policy.state(expiresAt: stored.expiresAt, revokedAt: stored.revokedAt, now: stored.now) == .valid,
                policy.needsTouch(lastUsedAt: stored.lastUsedAt, now: stored.now)
            {
                try await store.touchToken(id: stored.id)
            }
            return stored
        }
        guard let stored else { throw Self.unauthorized("invalid_token", "the token is not known") }
        switch policy.state(expiresAt: stored.expiresAt, revokedAt: stored.revokedAt, now: stored.now) {
        case .expired: throw Self.unauthorized("token_expired", "the token has expired; sign in again")
        case .revoked: throw Self.unauthorized("token_revoked", "the token was revoked; sign in again")
        case .valid: break
        }
        guard stored.subjectActive else { throw Self.unauthorized("account_disabled", "the account is deactivated") }
        switch stored.subject {
        case .staff(let id): return (.staff(id, roles: Set(stored.roles)), stored.id)
        case .requester(let id): return (.requester(id), stored.id)
        }
    }

    static func unauthorized(_ code: String, _ message: String) -> APIError {
        APIError(.unauthorized, code: code, message: message, headers: [.wwwAuthenticate: "Bearer"])
    }
}
