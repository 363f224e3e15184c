public import Logging
public import PostgresNIO
public import SupportDomain
import SupportSchema

/// The SLA policy table: the built-in defaults with the owners' `sla_policy` rows over them.
public enum SLAPolicyStore {
    public static func table(on connection: PostgresConnection, logger: Logger) async throws -> SLAPolicyTable {
        var overrides: [SLAPolicyTable.Key: SLAPolicy] = [:]
        for row in try await connection.rows(of: PoliciesSQL.self, logger: logger) {
            let (channel, priority, first, next, resolution, business) = try row.decode(
                (String, String, Int32, Int32, Int32, Bool).self)
            guard let channel = Channel(rawValue: channel), let priority = Priority(rawValue: priority) else {
                throw TicketStoreError.unexpectedValue("sla_policy: channel \(channel), priority \(priority)")
            }
            overrides[SLAPolicyTable.Key(channel: channel, priority: priority)] = SLAPolicy(
                firstResponseMinutes: Int(first), nextResponseMinutes: Int(next), resolutionMinutes: Int(resolution),
                businessHours: business)
        }
        return SLAPolicyTable(overrides: overrides)
    }

    private enum PoliciesSQL: RepeatedStatement {
        static let sql = """
            SELECT channel, priority, first_response_minutes, next_response_minutes, resolution_minutes, business_hours
            FROM sla_policy
            """
    }
}
