import Logging
import PostgresNIO
import SupportSchema

/// Builds a quiet-hours digest: the texts of the notifications held for it, oldest first.
enum DigestComposer {
    /// The held notifications' ids and the digest's text; nil when nothing is held.
    static func compose(_ digest: NotificationRow, on connection: PostgresConnection, logger: Logger) async throws -> (ids: [Int64], text: String)? {
        guard let key = digest.payload["digest"] else { return nil }
        let rows = try await connection.query(
            """
            SELECT id, coalesce(payload->>'text', template) FROM notification
            WHERE payload->>'digest' = \(key) AND id <> \(digest.id.rawValue) AND status = 'pending'
            ORDER BY created_at, id
            """, logger: logger
        ).collect()
        let held = try rows.map { try $0.decode((Int64, String).self) }
        guard !held.isEmpty else { return nil }
        let lines = held.prefix(30).map { "• " + $0.1 }
        let more = held.count > 30 ? ["… and \(held.count - 30) more in the console"] : []
        return (held.map(\.0), (["While you were away (\(held.count)):"] + lines + more).joined(separator: "\n"))
    }

    /// Marks what the digest carried, once it is sent.
    static func markDigested(_ ids: [Int64], on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            "UPDATE notification SET status = 'digested' WHERE id = ANY(\(ids)) AND status = 'pending'", logger: logger)
    }
}
