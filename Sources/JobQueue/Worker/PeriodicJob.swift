/// A job the leader enqueues once per period, across every process of the deployment.
///
/// Exactly once per period: the leader records the period in `job_periodic` and inserts the job in the
/// same statement, and the job carries the unique key `periodic:<name>:<period>`. Periods are aligned to
/// the Unix epoch on the database clock (`every: .seconds(60)` fires at the top of each minute).
///
/// ```swift
/// let nightly = PeriodicJob(name: "cleanup", every: .seconds(3600), job: NewJob(queue: "maint", kind: "cleanup", bytes: "{}".utf8))
/// ```
public struct PeriodicJob: Sendable {
    public var name: String
    public var interval: Duration
    /// The template; its `uniqueKey` and `schedule` are replaced per period.
    public var job: NewJob

    public init(name: String, every interval: Duration, job: NewJob) {
        precondition(interval >= .seconds(1), "a periodic job's interval must be at least one second")
        self.name = name
        self.interval = interval
        self.job = job
    }
}
