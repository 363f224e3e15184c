public import Foundation
public import SupportSchema

/// A deadline of one SLA clock falling due: what an `sla` job reports to the ladder.
public struct SLAAlarm: Hashable, Sendable {
    public var clock: SLAClockKind
    public var deadline: SLADeadlineKind
    public var dueAt: Date

    public init(clock: SLAClockKind, deadline: SLADeadlineKind, dueAt: Date) {
        self.clock = clock
        self.deadline = deadline
        self.dueAt = dueAt
    }
}
