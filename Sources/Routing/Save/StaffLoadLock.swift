import Logging
import PostgresNIO
import SupportSchema
import SupportStore

/// Locks, in staff id order, the `staff_load` rows a shared routing transaction's commit will update.
///
/// The load triggers are deferred to commit and update one row per assignment, in the order the tickets
/// were routed: two shared transactions assigning the same two people in opposite order would deadlock
/// as they commit. Taken first and in one order, the rows make them take turns. A transaction of one
/// ticket moves at most two rows and does without.
enum StaffLoadLock {
    static func take(for routed: [RoutedTicket], on connection: PostgresConnection, logger: Logger) async throws {
        var staff: Set<Int64> = []
        for ticket in routed {
            if let assignee = ticket.newAssignee, ticket.isActive {
                staff.insert(assignee.rawValue)
                if let previous = ticket.ticket.assigneeID { staff.insert(previous.rawValue) }
            }
            if ticket.openedIncident, let assignee = ticket.plan.incidentAssignment?.staffID { staff.insert(assignee.rawValue) }
        }
        guard staff.count > 1 else { return }
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(staff.sorted())
        _ = try await connection.rows(of: LockSQL.self, bindings, logger: logger)
    }

    private enum LockSQL: RepeatedStatement {
        static let sql = "SELECT 1 FROM staff_load WHERE staff_id = ANY($1) ORDER BY staff_id FOR NO KEY UPDATE"
        static let parameterTypes: [PostgresDataType] = [.int8Array]
    }
}
