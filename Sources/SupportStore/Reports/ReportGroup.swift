public import SupportDomain

/// One row of a report: the group's key ("none" for no team, unclassified, unassigned), a label to
/// show, and its figures.
public struct ReportGroup: Codable, Sendable, Hashable {
    public var key: String
    public var label: String
    public var metrics: ReportMetrics

    public init(key: String, label: String, metrics: ReportMetrics) {
        self.key = key
        self.label = label
        self.metrics = metrics
    }
}
