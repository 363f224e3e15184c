public import Foundation
public import Logging
public import PostgresNIO
public import SupportSchema

/// Accounts, login attempts and bearer tokens on a connection the caller holds.
///
/// Tokens are looked up and stored by their SHA-256 only; the plain token never reaches the database.
/// Times come from the database's clock so every API process agrees on expiry and throttling.
public struct AuthStore: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    // MARK: Accounts

    /// The staff account with this (lower-cased) email.
    public func staffCredentials(email: String) async throws -> LoginCredentials? {
        let rows = try await connection.query(
            "SELECT id, password_hash, roles, active FROM staff WHERE email = \(email)", logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        let (id, hash, roles, active) = try row.decode((Int64, String?, [String], Bool).self)
        return LoginCredentials(
            subject: .staff(StaffID(id)), passwordHash: hash, roles: roles.compactMap { Role(rawValue: $0) }, active: active)
    }

    /// The portal account with this (lower-cased) email: a requester with a password whose contract
    /// email, or email/portal identity, it is. Merged-away requesters do not sign in.
    public func requesterCredentials(email: String) async throws -> LoginCredentials? {
        let rows = try await connection.query(
            """
            SELECT r.id, r.password_hash FROM requester r
            WHERE r.password_hash IS NOT NULL AND r.merged_into_id IS NULL
              AND (r.contract_email = \(email)
                   OR EXISTS (SELECT 1 FROM requester_identity i WHERE i.requester_id = r.id
                                AND i.channel IN ('email', 'web') AND i.external_id = \(email)))
            ORDER BY r.id LIMIT 1
            """, logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        let (id, hash) = try row.decode((Int64, String?).self)
        return LoginCredentials(subject: .requester(RequesterID(id)), passwordHash: hash, roles: [], active: true)
    }

    /// Sets a requester's portal password (bcrypt hash).
    public func setRequesterPassword(_ requester: RequesterID, hash: String) async throws {
        try await connection.query(
            "UPDATE requester SET password_hash = \(hash) WHERE id = \(requester.rawValue)", logger: logger)
    }

    // MARK: Login attempts

    /// Failed attempts for `login` since its last success and within `window` seconds, with the
    /// database's clock.
    /// "Now" is the statement's clock, not the transaction's: attempts that queued behind the login lock
    /// were stamped by transactions that began after this one, and must still count.
    public func recentFailures(account: AccountKind, login: String, window: TimeInterval) async throws -> (now: Date, failures: [Date]) {
        let rows = try await connection.query(
            """
            SELECT clock_timestamp(), a.at FROM (SELECT 1) AS one
            LEFT JOIN login_attempt a
              ON a.account = \(account.rawValue) AND a.login = \(login) AND NOT a.succeeded
             AND a.at > now() - make_interval(secs => \(window))
             AND a.at > coalesce((SELECT max(s.at) FROM login_attempt s
                                  WHERE s.account = \(account.rawValue) AND s.login = \(login) AND s.succeeded), '-infinity')
            """, logger: logger
        ).collect()
        var now = Date()
        var failures: [Date] = []
        for row in rows {
            let (dbNow, at) = try row.decode((Date, Date?).self)
            now = dbNow
            if let at { failures.append(at) }
        }
        return (now, failures)
    }

    /// Failed attempts from one peer address within `window` seconds, whatever login they tried:
    /// guessing across many accounts. A success does not reset this count.
    public func recentFailures(remote: String, window: TimeInterval) async throws -> [Date] {
        try await connection.query(
            """
            SELECT at FROM login_attempt
            WHERE remote = \(remote) AND NOT succeeded AND at > now() - make_interval(secs => \(window))
            ORDER BY at DESC LIMIT 1000
            """, logger: logger
        ).collect().map { try $0.decode(Date.self) }
    }

    /// Serialises attempts on one login until the caller's transaction ends, so parallel guesses
    /// each see the ones before them (check and record happen under this lock; bcrypt does not).
    public func lockLogin(account: AccountKind, login: String) async throws {
        try await connection.query(
            "SELECT pg_advisory_xact_lock(hashtextextended(\(account.rawValue + ":" + login), 7))", logger: logger)
    }

    /// Records an attempt and returns its id. Written as failed before the password is checked, so a
    /// crash or a parallel request never leaves a guess uncounted; ``markAttemptSucceeded(_:)`` flips it.
    @discardableResult
    public func recordAttempt(account: AccountKind, login: String, remote: String?, succeeded: Bool) async throws -> Int64 {
        let rows = try await connection.query(
            """
            INSERT INTO login_attempt (account, login, remote, succeeded)
            VALUES (\(account.rawValue), \(login), \(remote), \(succeeded)) RETURNING id
            """, logger: logger
        ).collect()
        guard let id = try rows.first?.decode(Int64.self) else { throw TicketStoreError.unexpectedValue("login_attempt INSERT returned no id") }
        return id
    }

    public func markAttemptSucceeded(_ id: Int64) async throws {
        try await connection.query("UPDATE login_attempt SET succeeded = true WHERE id = \(id)", logger: logger)
    }

    // MARK: Tokens

    /// Stores a token's hash; it expires `lifetime` seconds from the database's now.
    public func issueToken(hash: [UInt8], kind: AuthTokenKind, subject: TokenSubject, label: String, lifetime: TimeInterval)
        async throws -> IssuedToken
    {
        let (staff, requester) = Self.columns(subject)
        let rows = try await connection.query(
            """
            INSERT INTO auth_token (token_hash, kind, staff_id, requester_id, label, expires_at)
            VALUES (\(ByteBuffer(bytes: hash)), \(kind.rawValue), \(staff), \(requester), \(label),
                    now() + make_interval(secs => \(lifetime)))
            RETURNING id, expires_at
            """, logger: logger
        ).collect()
        guard let row = rows.first else { throw TicketStoreError.unexpectedValue("auth_token INSERT returned no row") }
        let (id, expiresAt) = try row.decode((Int64, Date).self)
        return IssuedToken(id: id, expiresAt: expiresAt)
    }

    /// The token with this hash, whatever its state (the caller applies `TokenPolicy`).
    public func token(hash: [UInt8]) async throws -> StoredToken? {
        let rows = try await connection.query(
            """
            SELECT t.id, t.kind, t.staff_id, t.requester_id, coalesce(s.roles, '{}'), coalesce(s.active, true),
                   t.expires_at, t.revoked_at, t.last_used_at, now()
            FROM auth_token t LEFT JOIN staff s ON s.id = t.staff_id
            WHERE t.token_hash = \(ByteBuffer(bytes: hash))
            """, logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        let (id, kind, staff, requester, roles, active, expiresAt, revokedAt, lastUsedAt, now) = try row.decode(
            (Int64, String, Int64?, Int64?, [String], Bool, Date, Date?, Date?, Date).self)
        let subject: TokenSubject
        if let staff {
            subject = .staff(StaffID(staff))
        } else if let requester {
            subject = .requester(RequesterID(requester))
        } else {
            throw TicketStoreError.unexpectedValue("auth_token \(id) has no subject")
        }
        guard let kind = AuthTokenKind(rawValue: kind) else { throw TicketStoreError.unexpectedValue("auth_token \(id): kind \(kind)") }
        return StoredToken(
            id: id, kind: kind, subject: subject, roles: roles.compactMap { Role(rawValue: $0) }, subjectActive: active,
            expiresAt: expiresAt, revokedAt: revokedAt, lastUsedAt: lastUsedAt, now: now)
    }

    /// The subject's tokens that are neither expired nor revoked, newest first.
    public func liveTokens(of subject: TokenSubject) async throws -> [TokenInfo] {
        let (staff, requester) = Self.columns(subject)
        let rows = try await connection.query(
            """
            SELECT id, kind, label, created_at, expires_at, last_used_at, revoked_at FROM auth_token
            WHERE staff_id IS NOT DISTINCT FROM \(staff) AND requester_id IS NOT DISTINCT FROM \(requester)
              AND revoked_at IS NULL AND expires_at > now()
            ORDER BY id DESC
            """, logger: logger
        ).collect()
        return try rows.map { row in
            let (id, kind, label, created, expires, used, revoked) = try row.decode((Int64, String, String, Date, Date, Date?, Date?).self)
            guard let kind = AuthTokenKind(rawValue: kind) else { throw TicketStoreError.unexpectedValue("auth_token \(id): kind \(kind)") }
            return TokenInfo(id: id, kind: kind, label: label, createdAt: created, expiresAt: expires, lastUsedAt: used, revokedAt: revoked)
        }
    }

    /// Whose token `id` is, or nil when there is no such token.
    public func tokenSubject(id: Int64) async throws -> TokenSubject? {
        let rows = try await connection.query(
            "SELECT staff_id, requester_id FROM auth_token WHERE id = \(id)", logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        let (staff, requester) = try row.decode((Int64?, Int64?).self)
        if let staff { return .staff(StaffID(staff)) }
        return requester.map { .requester(RequesterID($0)) }
    }

    static func columns(_ subject: TokenSubject) -> (staff: Int64?, requester: Int64?) {
        switch subject {
        case .staff(let id): (id.rawValue, nil)
        case .requester(let id): (nil, id.rawValue)
        }
    }

    public func touchToken(id: Int64) async throws {
        try await connection.query("UPDATE auth_token SET last_used_at = now() WHERE id = \(id)", logger: logger)
    }

    /// Revokes a token; false when it was already revoked (or does not exist).
    @discardableResult
    public func revokeToken(id: Int64) async throws -> Bool {
        let rows = try await connection.query(
            "UPDATE auth_token SET revoked_at = now() WHERE id = \(id) AND revoked_at IS NULL RETURNING id", logger: logger
        ).collect()
        return !rows.isEmpty
    }
}
