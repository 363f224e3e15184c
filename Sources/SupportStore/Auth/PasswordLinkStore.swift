public import Foundation
public import Logging
public import PostgresNIO
public import SupportSchema

/// Portal password links (`password_link`, migration 0013) on the caller's connection.
public struct PasswordLinkStore: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// The requester whose email (contract email, email or portal identity) this is; merged-away
    /// requesters have none.
    public func requester(email: String) async throws -> RequesterID? {
        let rows = try await connection.query(
            """
            SELECT r.id FROM requester r
            WHERE r.merged_into_id IS NULL
              AND (r.contract_email = \(email)
                   OR EXISTS (SELECT 1 FROM requester_identity i WHERE i.requester_id = r.id
                                AND i.channel IN ('email', 'web') AND i.external_id = \(email)))
            ORDER BY r.id LIMIT 1
            """, logger: logger
        ).collect()
        return try rows.first.map { RequesterID(try $0.decode(Int64.self)) }
    }

    /// Whether a link was mailed to `requester` within the last `seconds` (one per few minutes is enough).
    public func recentlySent(to requester: RequesterID, within seconds: Int) async throws -> Bool {
        let rows = try await connection.query(
            """
            SELECT 1 FROM password_link
            WHERE requester_id = \(requester.rawValue) AND created_at > now() - make_interval(secs => \(Double(seconds))::float8)
            """, logger: logger
        ).collect()
        return !rows.isEmpty
    }

    public func create(hash: [UInt8], requester: RequesterID, email: String, lifetime: TimeInterval) async throws {
        try await connection.query(
            """
            INSERT INTO password_link (token_hash, requester_id, email, expires_at)
            VALUES (\(ByteBuffer(bytes: hash)), \(requester.rawValue), \(email), now() + make_interval(secs => \(lifetime)::float8))
            """, logger: logger)
    }

    /// Uses the link once. - Returns: its requester, or nil when unknown, used or expired.
    public func redeem(hash: [UInt8]) async throws -> RequesterID? {
        let rows = try await connection.query(
            """
            UPDATE password_link SET used_at = now()
            WHERE token_hash = \(ByteBuffer(bytes: hash)) AND used_at IS NULL AND expires_at > now()
            RETURNING requester_id
            """, logger: logger
        ).collect()
        return try rows.first.map { RequesterID(try $0.decode(Int64.self)) }
    }

    /// After a new password: every session and API token of the requester ends.
    public func revokeTokens(of requester: RequesterID) async throws {
        try await connection.query(
            "UPDATE auth_token SET revoked_at = now() WHERE requester_id = \(requester.rawValue) AND revoked_at IS NULL",
            logger: logger)
    }
}
