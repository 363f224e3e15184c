public import SupportSchema

extension TicketReadStore {
    /// A ticket's place among linked reports: the incident it reports to, and the reports of it (for
    /// the caller to filter by the row rules).
    public func links(of id: TicketID) async throws -> (incident: TicketSummary?, reports: [TicketSummary]) {
        let parent = try await connection.query(
            """
            SELECT \(unescaped: Self.summaryColumns) FROM ticket t
            WHERE t.id = (SELECT parent_incident_id FROM ticket WHERE id = \(id.rawValue))
            """, logger: logger
        ).collect().first.map(Self.summary)
        let reports = try await connection.query(
            "SELECT \(unescaped: Self.summaryColumns) FROM ticket t WHERE t.parent_incident_id = \(id.rawValue) ORDER BY t.created_at LIMIT 200",
            logger: logger
        ).collect().map(Self.summary)
        return (parent, reports)
    }

    /// The id of ticket number `number`, as staff type it on the console.
    public func id(number: Int64) async throws -> TicketID? {
        try await connection.query("SELECT id FROM ticket WHERE number = \(number)", logger: logger).collect().first
            .map { TicketID(try $0.decode(Int64.self)) }
    }
}
