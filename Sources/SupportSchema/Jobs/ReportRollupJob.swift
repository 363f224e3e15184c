/// Refresh the report rollup (queue `reports`): enqueued once a minute by the workers' leader
/// (a `PeriodicJob`), carrying nothing: each run rolls up whatever changed, so a redelivered or
/// overlapping run finds less or nothing to do (Docs/REPORTS.md, "The rollup").
public struct ReportRollupJob: JobPayload {
    public static let kind = "report_rollup"
    public static let queue = QueueName.reports
    public static let currentSchemaVersion = 1

    public let schemaVersion: Int

    public init() {
        self.schemaVersion = Self.currentSchemaVersion
    }

    /// The periodic job sets its own key per period.
    public var uniqueKey: String? { nil }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.schemaVersion = try JobPayloadCoding.decodeSchemaVersion(
            for: Self.self, from: container, forKey: .schemaVersion)
    }
}
