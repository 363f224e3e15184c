public import Foundation

/// The clock of a dispute's current state: the pair `dispute.deadline_at` / `deadline_remaining`.
public enum DisputeDeadline: Hashable, Sendable {
    /// The state waits on nobody (or is terminal).
    case none
    /// Falls due at this instant; a `dispute` deadline job is scheduled for it.
    case due(Date)
    /// Stopped while information is requested; this many business seconds were left.
    case paused(remaining: TimeInterval)

    public var dueAt: Date? {
        if case .due(let date) = self { date } else { nil }
    }
}
