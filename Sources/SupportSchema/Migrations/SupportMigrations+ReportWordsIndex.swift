extension SupportMigrations {
    /// Duplicate detection reaches its candidates through the window's and the open incidents' partial
    /// indexes and filters them by word (Routing's `RecentReports`). The full-text index served no other
    /// reader, matched common words in a large share of all tickets, and took the report's words again on
    /// every ticket update, none of which is HOT.
    static let reportWordsIndex = """
        DROP INDEX IF EXISTS ticket_report_lexemes_idx
        """
}
