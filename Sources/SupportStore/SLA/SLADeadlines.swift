public import Foundation
public import SupportSchema

/// The SLA deadlines a ticket still has to alarm, as ``SLAScheduler/deadlines(of:)`` finds them.
public struct SLADeadlines: Sendable, Equatable {
    public struct Deadline: Sendable, Equatable {
        public var clock: SLAClockKind
        public var deadline: SLADeadlineKind
        public var due: Date
    }

    public var pending: [Deadline]

    /// The earliest breach: the ticket's `sla_due_at` (nil when no clock runs).
    public var nearestBreach: Date? { pending.filter { $0.deadline == .breach }.map(\.due).min() }
}
