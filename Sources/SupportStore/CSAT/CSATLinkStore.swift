public import Foundation
public import Logging
public import PostgresNIO
public import SupportSchema

/// The rating links mailed on resolution (`csat_link`): an opaque random token, of which only the
/// SHA-256 is stored (computed by PostgreSQL, so this module needs no crypto library).
public struct CSATLinkStore: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    /// Long enough for a requester back from holiday.
    public static let lifetime: TimeInterval = 30 * 86_400

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// A new link for `ticket`. - Returns: the token to put in the mail.
    public func create(for ticket: TicketID, lifetime: TimeInterval = CSATLinkStore.lifetime) async throws -> String {
        let token = OpaqueToken.generate(prefix: "csat_")
        try await connection.query(
            """
            INSERT INTO csat_link (token_hash, ticket_id, expires_at)
            VALUES (sha256(convert_to(\(token), 'UTF8')), \(ticket.rawValue), now() + make_interval(secs => \(lifetime)::float8))
            """, logger: logger)
        return token
    }

    /// The ticket of a live link, or nil for an unknown or expired token.
    public func ticket(token: String) async throws -> TicketID? {
        let rows = try await connection.query(
            """
            SELECT ticket_id FROM csat_link
            WHERE token_hash = sha256(convert_to(\(token), 'UTF8')) AND expires_at > now()
            """, logger: logger
        ).collect()
        return try rows.first.map { TicketID(try $0.decode(Int64.self)) }
    }
}
