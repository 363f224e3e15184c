import Foundation

/// One running worker process as its heartbeat row shows it.
public struct WorkerRecord: Sendable {
    public var id: String
    public var queues: [String]
    public var pid: Int
    public var host: String
    public var startedAt: Date
    /// Seconds since its last heartbeat.
    public var heartbeatAge: Double
}
