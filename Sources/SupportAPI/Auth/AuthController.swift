import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOPosix
import SupportDomain
import SupportSchema
import SupportStore

/// `POST /api/v1/auth/login`, `POST /api/v1/auth/logout`, `GET /api/v1/auth/me`,
/// `GET /api/v1/auth/tokens`, `DELETE /api/v1/auth/tokens/{id}`.
///
/// Login checks the throttles first, per login and per peer address (429 with `Retry-After` while
/// either says wait; no password is checked and nothing is counted), then the password with bcrypt. Unknown accounts cost a bcrypt
/// check too, so timing does not tell which emails exist. Logout revokes the presented token.
struct AuthController: Sendable {
    let database: Database
    let authorizer: Authorizer
    let throttle: LoginThrottle
    let addressThrottle: LoginThrottle
    let policy: TokenPolicy
    /// Verified against when the account does not exist, to spend the same time.
    let decoyHash: String

    static let bodyLimit = 16 << 10

    func add(to group: RouterGroup<APIRequestContext>) {
        group.post("auth/login") { request, context in try await login(request, context: context) }
        group.post("auth/logout") { _, context in try await logout(context: context) }
        group.get("auth/me") { _, context in try JSONBody.response(PrincipalBody(try authorizer.principal(context))) }
        group.get("auth/tokens") { _, context in try await tokens(context: context) }
        group.delete("auth/tokens/{id}") { _, context in try await revoke(context: context) }
    }

    func login(_ request: Request, context: APIRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(LoginRequest.self, from: request, limit: Self.bodyLimit)
        let signedIn = try await authenticate(
            account: body.account ?? .staff, login: try body.validatedLogin(), password: body.password, kind: body.tokenKind ?? .session,
            label: body.label, remote: context.remoteAddress?.ipAddress, logger: context.logger)
        return try JSONBody.response(signedIn.response)
    }

    /// A successful sign-in: the new token (shown once) and who it is for.
    struct SignedIn: Sendable {
        var token: String
        var principal: Principal
        var response: LoginResponse
    }

    /// Throttles, checks the password and issues a token: the one sign-in path of the API and the pages.
    /// - Throws: 429 while a throttle says wait, 401 `invalid_credentials`.
    func authenticate(
        account: AccountKind, login: String, password: String, kind: AuthTokenKind, label: String?, remote: String?, logger: Logger
    ) async throws -> SignedIn {
        let (throttle, addressThrottle) = (self.throttle, self.addressThrottle)
        // Check the throttles and count this attempt as a failure in one short transaction under a
        // per-login lock: parallel guesses queue here and each sees the ones before it.
        let gate = try await database.transaction { connection -> LoginGate in
            let store = AuthStore(connection: connection, logger: logger)
            try await store.lockLogin(account: account, login: login)
            let (now, failures) = try await store.recentFailures(account: account, login: login, window: throttle.window)
            var fromAddress: [Date] = []
            if let remote { fromAddress = try await store.recentFailures(remote: remote, window: addressThrottle.window) }
            let waits = [throttle.decide(failures: failures, now: now), addressThrottle.decide(failures: fromAddress, now: now)]
                .compactMap { decision -> Date? in if case .wait(let until) = decision { until } else { nil } }
            if let until = waits.max() { return .wait(seconds: max(1, Int(until.timeIntervalSince(now).rounded(.up)))) }
            let credentials: LoginCredentials? =
                switch account {
                case .staff: try await store.staffCredentials(email: login)
                case .requester: try await store.requesterCredentials(email: login)
                }
            let attempt = try await store.recordAttempt(account: account, login: login, remote: remote, succeeded: false)
            return .proceed(attempt: attempt, credentials: credentials)
        }
        guard case .proceed(let attempt, let credentials) = gate else {
            let seconds = if case .wait(let seconds) = gate { seconds } else { 1 }
            throw APIError(
                .tooManyRequests, code: "too_many_attempts", message: "too many failed sign-ins; try again in \(seconds) s",
                headers: [.retryAfter: String(seconds)])
        }
        let hash = credentials.flatMap { $0.active ? $0.passwordHash : nil }
        let decoy = decoyHash
        // bcrypt takes ~250 ms at cost 12: run it on NIO's blocking pool, not a cooperative thread.
        let matches = try await NIOThreadPool.singleton.runIfActive { PasswordHashing.verify(password, hash: hash ?? decoy) }
        guard hash != nil, matches, let credentials else {
            throw APIError(.unauthorized, code: "invalid_credentials", message: "the email or password is wrong")
        }
        let token = BearerToken.generate()
        let principal: Principal =
            switch credentials.subject {
            case .staff(let id): .staff(id, roles: Set(credentials.roles))
            case .requester(let id): .requester(id)
            }
        let label = label ?? (kind == .session ? "login" : "api")
        let issued = try await database.transaction { connection in
            let store = AuthStore(connection: connection, logger: logger)
            try await store.markAttemptSucceeded(attempt)
            let issued = try await store.issueToken(
                hash: BearerToken.hash(token), kind: kind, subject: credentials.subject, label: label,
                lifetime: policy.lifetime(of: kind))
            if let staff = principal.staffID {
                try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                    actorStaffID: staff, actorRole: principal.auditRole.rawValue, action: "auth.login",
                    targetType: "auth_token", targetID: issued.id,
                    after: [
                        "kind": .string(kind.rawValue), "label": .string(label),
                        "expires_at": .string(ISO8601DateFormatter().string(from: issued.expiresAt)),
                    ]))
            }
            return issued
        }
        return SignedIn(
            token: token, principal: principal,
            response: LoginResponse(token: token, expiresAt: issued.expiresAt, principal: PrincipalBody(principal)))
    }

    /// The caller's own live tokens.
    func tokens(context: APIRequestContext) async throws -> Response {
        let principal = try authorizer.principal(context)
        let logger = context.logger
        let tokens = try await database.connection { connection in
            try await AuthStore(connection: connection, logger: logger).liveTokens(of: Self.subject(principal))
        }
        return try JSONBody.response(["items": tokens])
    }

    /// Revokes a token: one's own always; someone else's needs `manage_staff` (an owner cutting
    /// off a lost laptop), through the authorizer like every other action.
    func revoke(context: APIRequestContext) async throws -> Response {
        let principal = try authorizer.principal(context)
        let logger = context.logger
        guard let raw = context.parameters.get("id"), let id = Int64(raw), id > 0 else {
            throw APIError(.badRequest, code: "invalid_parameter", message: "id: a token id")
        }
        let owner = try await database.connection { connection in
            try await AuthStore(connection: connection, logger: logger).tokenSubject(id: id)
        }
        guard let owner else { throw APIError(.notFound, code: "not_found", message: "no token \(id)") }
        if owner != Self.subject(principal) {
            try await authorizer.authorize(principal, .manageStaff, target: AuditTarget(type: "auth_token", id: id), logger: logger)
        }
        try await database.transaction { connection in
            let revoked = try await AuthStore(connection: connection, logger: logger).revokeToken(id: id)
            if revoked, let staff = principal.staffID {
                try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                    actorStaffID: staff, actorRole: principal.auditRole.rawValue, action: "auth.revoke",
                    targetType: "auth_token", targetID: id, before: ["revoked": false], after: ["revoked": true]))
            }
        }
        return Response(status: .noContent)
    }

    /// What the throttle check decided, inside its transaction.
    enum LoginGate: Sendable {
        case wait(seconds: Int)
        case proceed(attempt: Int64, credentials: LoginCredentials?)
    }

    static func subject(_ principal: Principal) -> TokenSubject {
        switch principal {
        case .staff(let id, _): .staff(id)
        case .requester(let id): .requester(id)
        }
    }

    func logout(context: APIRequestContext) async throws -> Response {
        let principal = try authorizer.principal(context)
        guard let tokenID = context.tokenID else { throw BearerAuthenticator.unauthorized("unauthenticated", "sign in first") }
        let logger = context.logger
        try await database.transaction { connection in
            let revoked = try await AuthStore(connection: connection, logger: logger).revokeToken(id: tokenID)
            if revoked, let staff = principal.staffID {
                try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                    actorStaffID: staff, actorRole: principal.auditRole.rawValue, action: "auth.logout",
                    targetType: "auth_token", targetID: tokenID, before: ["revoked": false], after: ["revoked": true]))
            }
        }
        return Response(status: .noContent)
    }
}
