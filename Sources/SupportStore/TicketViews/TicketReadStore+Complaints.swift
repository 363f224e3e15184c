public import SupportSchema

extension TicketReadStore {
    /// Complaints about the administration, newest first (for the caller to filter by the row rules: the
    /// staff member a complaint names never sees it).
    public func complaints(limit: Int = 100) async throws -> [TicketSummary] {
        try await connection.query(
            """
            SELECT \(unescaped: Self.summaryColumns) FROM ticket t
            WHERE t.category = 'complaint' OR t.requested_category = 'complaint' OR t.named_staff_id IS NOT NULL
            ORDER BY t.id DESC LIMIT \(Int64(limit))
            """, logger: logger
        ).collect().map(Self.summary)
    }

    /// Staff names by id, for pages that show who a ticket names or is assigned to.
    public func staffNames(_ ids: some Sequence<StaffID>) async throws -> [StaffID: String] {
        let raw = Array(Set(ids.map(\.rawValue)))
        guard !raw.isEmpty else { return [:] }
        var names: [StaffID: String] = [:]
        for row in try await connection.query("SELECT id, name FROM staff WHERE id = ANY(\(raw))", logger: logger).collect() {
            let (id, name) = try row.decode((Int64, String).self)
            names[StaffID(id)] = name
        }
        return names
    }
}
