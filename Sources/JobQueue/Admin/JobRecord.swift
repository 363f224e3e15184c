import Foundation
import PostgresNIO

/// One job as the admin sees it, live (`job`) or dead (`job_dead`).
public struct JobRecord: Sendable {
    public var id: JobID
    public var queue: String
    public var kind: String
    public var state: JobState
    public var priority: Int16
    public var attempt: Int
    public var maxAttempts: Int
    public var runAt: Date
    public var createdAt: Date
    public var uniqueKey: String?
    /// The worker holding it (running jobs only).
    public var owner: String?
    public var claimedAt: Date?
    public var lastError: String?
    /// Every attempt's error, as a JSON array of `{attempt, at, error, worker}`.
    public var errorsJSON: String
    public var payload: ByteBuffer
    /// For dead jobs: `exhausted`, `discarded` or `cancelled`.
    public var deadReason: String?
    public var diedAt: Date?

    /// The payload as text when it is valid UTF-8, else a hex dump.
    public var payloadText: String {
        let bytes = Array(payload.readableBytesView)
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return bytes.map { String(format: "%02x", $0) }.joined()
    }
}

/// Counts per queue.
public struct QueueStats: Sendable {
    public var queue: String
    public var ready: Int
    public var running: Int
    public var scheduled: Int
    public var dead: Int
    /// Seconds the oldest due ready job has waited (0 if none).
    public var oldestReadyAge: Double
}
