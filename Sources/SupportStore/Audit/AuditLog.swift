public import Logging
public import PostgresNIO
public import SupportSchema

/// Appends to the hash-chained `audit_log` on the caller's connection, inside the caller's
/// transaction, so an action and its audit row commit together or not at all.
///
/// Writers serialise on a transaction-level advisory lock while they read the chain's tail, so two
/// transactions never fork the chain (the unique `prev_hash` would reject the second anyway).
/// The hash is `support_audit_hash(…)` from migration 0011.
///
/// ```swift
/// try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
///     actorStaffID: owner, actorRole: "owner", action: "staff.create", targetType: "staff", targetID: 5, after: [...]))
/// ```
public struct AuditLog: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    /// `pg_advisory_xact_lock` key for the chain's tail ("AUDITLOG").
    static let lockKey: Int64 = 0x4155_4449_544C_4F47

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    @discardableResult
    public func append(_ entry: NewAuditEntry) async throws -> AuditEntryID {
        let before = try entry.before.map { try StoredJSON.text($0) }
        let after = try entry.after.map { try StoredJSON.text($0) }
        try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))", logger: logger)
        let rows = try await connection.query(
            """
            WITH tail AS (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                 v AS (SELECT clock_timestamp() AS at, \(entry.actorStaffID?.rawValue)::bigint AS actor_staff_id,
                              \(entry.actorRole)::text AS actor_role, \(entry.action)::text AS action,
                              \(entry.targetType)::text AS target_type, \(entry.targetID)::bigint AS target_id,
                              \(before)::jsonb AS before, \(after)::jsonb AS after, \(entry.reason)::text AS reason)
            INSERT INTO audit_log (at, actor_staff_id, actor_role, action, target_type, target_id, before, after,
                                   reason, prev_hash, hash)
            SELECT v.at, v.actor_staff_id, v.actor_role, v.action, v.target_type, v.target_id, v.before, v.after, v.reason,
                   (SELECT hash FROM tail),
                   support_audit_hash((SELECT hash FROM tail), v.at, v.actor_staff_id, v.actor_role, v.action,
                                      v.target_type, v.target_id, v.before, v.after, v.reason)
            FROM v
            RETURNING id
            """, logger: logger
        ).collect()
        guard let id = try rows.first?.decode(Int64.self) else {
            throw TicketStoreError.unexpectedValue("audit_log INSERT returned no id")
        }
        return AuditEntryID(id)
    }

    /// Recomputes the chain: every row must link to the previous row's hash and hash to its own
    /// content. A changed or removed row breaks it; so does one inserted out of order. (Rows cut off
    /// the end leave a shorter, intact chain: compare the count with an earlier report for that.)
    public func verifyChain() async throws -> AuditChainReport {
        let rows = try await connection.query(
            """
            SELECT id, prev_hash IS NOT DISTINCT FROM lag(hash) OVER (ORDER BY id),
                   hash = support_audit_hash(prev_hash, at, actor_staff_id, actor_role, action, target_type, target_id,
                                             before, after, reason)
            FROM audit_log ORDER BY id
            """, logger: logger)
        var report = AuditChainReport(rows: 0, firstBroken: nil)
        for try await (id, linked, intact) in rows.decode((Int64, Bool, Bool).self) {
            report.rows += 1
            guard report.firstBroken == nil else { continue }
            if !linked {
                report.firstBroken = .init(id: id, problem: "prev_hash does not match the previous row's hash (a row was removed or changed)")
            } else if !intact {
                report.firstBroken = .init(id: id, problem: "hash does not match the row's content (the row was changed)")
            }
        }
        return report
    }
}
