extension SupportMigrations {
    /// The way into duplicate detection's window (Routing's `RecentReports`): technical and payment reports
    /// not yet in an incident, by creation time. Without it, a report whose words are common ("бот") found
    /// its candidates through the full-text index, which matches a large share of all tickets ever.
    static let incidentWindow = """
        CREATE INDEX ticket_unattached_report_idx ON ticket (created_at)
            WHERE NOT is_incident AND parent_incident_id IS NULL AND category IN ('technical', 'payment')
              AND requester_id IS NOT NULL
        """
}
