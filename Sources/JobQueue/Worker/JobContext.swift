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
    /// The worker's logger; ``logger`` adds this job's metadata to it.
    let baseLogger: Logger

    /// Carries `job_id`, `job_queue`, `job_kind` and `job_attempt` metadata (built on first use, so handlers
    /// that never log pay nothing for it).
    public var logger: Logger {
        var logger = baseLogger
        logger[metadataKey: "job_id"] = "\(id)"
        logger[metadataKey: "job_queue"] = "\(queue)"
        logger[metadataKey: "job_kind"] = "\(kind)"
        logger[metadataKey: "job_attempt"] = "\(attempt)"
        return logger
    }

    init(id: JobID, queue: String, kind: String, attempt: Int, maxAttempts: Int, enqueuedAt: Date, workerID: String,
         logger: Logger) {
        self.id = id
        self.queue = queue
        self.kind = kind
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.enqueuedAt = enqueuedAt
        self.workerID = workerID
        self.baseLogger = logger
    }
}
