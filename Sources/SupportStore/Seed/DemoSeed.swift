import JobQueue
import Logging
import PostgresMigrations
import PostgresNIO

/// Demo data for a local run: staff in every role with their teams and shifts, a bilingual knowledge
/// base, requesters with channel identities, deals and a punishment to appeal.
///
/// Loading is idempotent: it runs in one transaction under an advisory lock and does nothing when the
/// demo owner already exists, so `support up` can load it on every start.
public enum DemoSeed {
    public struct Summary: Sendable, CustomStringConvertible {
        public var loaded: Bool
        public var staff: Int
        public var articles: Int
        public var deals: Int
        /// "email (roles)" lines to print for people trying the platform.
        public var logins: [String]

        public var description: String {
            (loaded ? "loaded" : "already present") + ": \(staff) staff, \(articles) KB articles, \(deals) deals"
        }
    }

    public static let password = "demo-password"
    static let lockKey: Int64 = 0x5355_5050_5345_4544

    /// - Parameter passwordHash: the bcrypt hash of ``password`` (hashing lives with authentication).
    public static func load(client: PostgresClient, passwordHash: String, logger: Logger) async throws -> Summary {
        return try await client.transaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            let present = try await connection.query(
                "SELECT count(*)::int FROM staff WHERE email = 'owner@demo.local'", logger: logger
            ).collect().first?.decode(Int.self) ?? 0
            if present == 0 {
                for statement in SQLStatementSplitter.split(DemoSeedSQL.script) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "UPDATE staff SET password_hash = \(passwordHash) WHERE email LIKE '%@demo.local'", logger: logger
                )
            }
            return try await summary(connection: connection, loaded: present == 0, logger: logger)
        }
    }

    private static func summary(connection: PostgresConnection, loaded: Bool, logger: Logger) async throws -> Summary {
        var logins: [String] = []
        let rows = try await connection.query(
            "SELECT email, array_to_string(roles, ', ') FROM staff WHERE email LIKE '%@demo.local' ORDER BY id", logger: logger
        )
        for try await (email, roles) in rows.decode((String, String).self) {
            logins.append("\(email) (\(roles)), password \(password)")
        }
        let counts = try await connection.query(
            """
            SELECT (SELECT count(*)::int FROM kb_article), (SELECT count(*)::int FROM deal)
            """, logger: logger
        ).collect().first?.decode((Int, Int).self) ?? (0, 0)
        return Summary(loaded: loaded, staff: logins.count, articles: counts.0, deals: counts.1, logins: logins)
    }
}
