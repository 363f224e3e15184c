import Foundation

/// A running worker process as its heartbeat row shows it.
public struct WorkerRecord: Sendable {
    public var id: String
    public var queues: [String]
    public var pid: Int
    public var host: String
    public var startedAt: Date
    public var heartbeatAt: Date
    /// Seconds since the last heartbeat, by the database's clock.
    public var heartbeatAge: Double
    /// Jobs it holds as running.
    public var running: Int
}
