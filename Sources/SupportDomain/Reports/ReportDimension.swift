/// What a report groups tickets by (`group_by`): a ticket's current team, line, channel, category or
/// assignee, or nothing (one row for the whole desk).
public enum ReportDimension: String, CaseIterable, Codable, Hashable, Sendable {
    case total
    case team
    case line
    case channel
    case category
    case agent
}
