/// A job's JSON payload, as stored in the queue's `payload` column.
///
/// Every payload carries `schema_version`. A worker reading a payload written by a newer build
/// (a rolling deploy that got ahead) refuses it with ``JobPayloadDecodingError`` instead of guessing, so the
/// queue dead-letters it with a clear error and it can be retried once every worker is upgraded.
/// Older versions are accepted and upgraded in the payload's `init(from:)`.
///
/// ```swift
/// let job = RoutingJob(ticketID: 42, reason: .new)
/// let bytes = try JobPayloadCoding.encode(job)
/// let back = try JobPayloadCoding.decode(RoutingJob.self, from: bytes)
/// ```
public protocol JobPayload: Codable, Hashable, Sendable {
    /// The job kind stored with the job, e.g. `"routing"`; stable across versions.
    static var kind: String { get }
    /// The queue this payload is enqueued on.
    static var queue: QueueName { get }
    /// The version this build writes and the newest it can read.
    static var currentSchemaVersion: Int { get }
    /// The version the payload was written with.
    var schemaVersion: Int { get }
    /// A key that makes enqueueing idempotent while a job with it is live, or `nil` for none.
    var uniqueKey: String? { get }
}
