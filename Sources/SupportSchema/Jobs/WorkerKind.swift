/// The kinds of worker process (`support worker <kind>`) and the queues each consumes.
///
/// Every queue is consumed by exactly one kind; a kind can run as many processes as needed.
public enum WorkerKind: String, CaseIterable, Codable, Hashable, Sendable {
    case intake
    case routing
    case escalation
    case arbitration

    public var queues: [QueueName] {
        switch self {
        case .intake: [.intake]
        case .routing: [.routing]
        case .escalation: [.sla, .notify, .reports]
        case .arbitration: [.dispute]
        }
    }

    /// The worker kind that consumes `queue`, if any.
    public static func consuming(_ queue: QueueName) -> WorkerKind? {
        allCases.first { $0.queues.contains(queue) }
    }
}
