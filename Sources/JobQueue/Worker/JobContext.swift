import Foundation
import Logging

/// What a handler knows about the job it runs.
public struct JobContext: Sendable {
    public let id: JobID
    public let queue: String
    public let kind: String
    /// 1 on the first run.
    public let attempt: Int
    public let maxAttempts: Int
    /// When the job was enqueued (database clock).
    public let enqueuedAt: Date
    /// The id of the worker running it.
    public let workerID: String
    /// Carries `job_id`, `job_queue`, `job_kind` and `job_attempt` metadata.
    public var logger: Logger
}
