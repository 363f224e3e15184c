public import Logging
public import PostgresNIO
public import SupportDomain
public import SupportSchema

/// The low-rating policy row (`csat_setting`, migration 0016).
public struct CSATSettingsStore: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// The policy in force; `forUpdate` locks it for a change.
    public func policy(forUpdate: Bool = false) async throws -> CSATPolicy {
        let rows = try await connection.query(
            "SELECT low_score_max, on_low FROM csat_setting WHERE id = 1 \(unescaped: forUpdate ? "FOR UPDATE" : "")",
            logger: logger
        ).collect()
        guard let row = rows.first else { return CSATPolicy() }
        let (low, action) = try row.decode((Int16, String).self)
        guard let onLow = CSATLowAction(rawValue: action) else {
            throw TicketStoreError.unexpectedValue("csat_setting.on_low \(action)")
        }
        return CSATPolicy(lowScoreMax: Int(low), onLow: onLow)
    }

    public func set(_ policy: CSATPolicy, by staff: StaffID?) async throws {
        try await connection.query(
            """
            INSERT INTO csat_setting (id, low_score_max, on_low, updated_by_staff_id, updated_at)
            VALUES (1, \(Int16(policy.lowScoreMax)), \(policy.onLow.rawValue), \(staff?.rawValue), now())
            ON CONFLICT (id) DO UPDATE SET low_score_max = EXCLUDED.low_score_max, on_low = EXCLUDED.on_low,
                updated_by_staff_id = EXCLUDED.updated_by_staff_id, updated_at = now()
            """, logger: logger)
    }
}
