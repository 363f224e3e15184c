public import SupportSchema

extension TicketReadStore {
    /// A value that changes whenever `staff`'s console queue may have (a ticket assigned to them or
    /// unassigned arrives, leaves or changes): the count and the newest change among those tickets.
    /// Both come from the active-ticket index, so a live console can ask every few seconds.
    public func queueVersion(staff: StaffID) async throws -> String {
        let row = try await connection.query(
            """
            SELECT count(*)::bigint, coalesce((extract(epoch FROM max(updated_at)) * 1000000)::bigint, 0)
            FROM ticket
            WHERE status NOT IN ('resolved', 'closed') AND (assignee_id = \(staff.rawValue) OR assignee_id IS NULL)
            """, logger: logger
        ).collect().first
        guard let row else { return "0-0" }
        let (count, newest) = try row.decode((Int64, Int64).self)
        return "\(count)-\(newest)"
    }
}
