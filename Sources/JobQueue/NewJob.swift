import Foundation
import PostgresNIO

/// A job to enqueue.
///
/// ```swift
/// let job = try NewJob(queue: "mail", kind: "welcome", payload: Welcome(userID: 7), uniqueKey: "welcome:7")
/// try await queue.enqueue(job)
/// ```
public struct NewJob: Sendable {
    /// When the job becomes runnable.
    public enum Schedule: Sendable, Hashable {
        /// At enqueue time (the database's `now()`).
        case now
        /// `now()` on the database plus this delay.
        case after(Duration)
        /// At this instant (taken from the caller's clock, so prefer ``after(_:)`` for short delays).
        case at(Date)
    }

    public var queue: String
    public var kind: String
    /// Opaque bytes; by convention UTF-8 JSON (the typed handlers decode JSON).
    public var payload: ByteBuffer
    /// Lower runs first among ready jobs of one queue. Default 0.
    public var priority: Int16
    public var schedule: Schedule
    /// Attempts before the job moves to `job_dead`. Default 20.
    public var maxAttempts: Int32
    /// While a live job holds this key, enqueueing another with it inserts nothing.
    public var uniqueKey: String?

    public init(
        queue: String,
        kind: String,
        payload: ByteBuffer,
        priority: Int16 = 0,
        schedule: Schedule = .now,
        maxAttempts: Int32 = 20,
        uniqueKey: String? = nil
    ) {
        precondition(maxAttempts > 0, "maxAttempts must be positive")
        self.queue = queue
        self.kind = kind
        self.payload = payload
        self.priority = priority
        self.schedule = schedule
        self.maxAttempts = maxAttempts
        self.uniqueKey = uniqueKey
    }

    /// A job whose payload is `payload` encoded as JSON.
    public init(
        queue: String,
        kind: String,
        payload: some Encodable,
        encoder: JSONEncoder = JSONEncoder(),
        priority: Int16 = 0,
        schedule: Schedule = .now,
        maxAttempts: Int32 = 20,
        uniqueKey: String? = nil
    ) throws {
        let data = try encoder.encode(payload)
        self.init(
            queue: queue, kind: kind, payload: ByteBuffer(bytes: data), priority: priority, schedule: schedule,
            maxAttempts: maxAttempts, uniqueKey: uniqueKey
        )
    }

    /// A job whose payload is these raw bytes (e.g. JSON text already encoded).
    public init(
        queue: String,
        kind: String,
        bytes: some Sequence<UInt8>,
        priority: Int16 = 0,
        schedule: Schedule = .now,
        maxAttempts: Int32 = 20,
        uniqueKey: String? = nil
    ) {
        self.init(
            queue: queue, kind: kind, payload: ByteBuffer(bytes: Array(bytes)), priority: priority, schedule: schedule,
            maxAttempts: maxAttempts, uniqueKey: uniqueKey
        )
    }

    /// Epoch seconds for an absolute schedule, -1 otherwise (the SQL uses `now() + delay`).
    var absoluteEpoch: Double {
        if case .at(let date) = schedule { return date.timeIntervalSince1970 }
        return -1
    }

    /// Delay in seconds for a relative schedule, 0 otherwise.
    var delaySeconds: Double {
        if case .after(let duration) = schedule { return duration.seconds }
        return 0
    }
}

extension Duration {
    /// This duration in (fractional) seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
