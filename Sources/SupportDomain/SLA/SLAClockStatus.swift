public import Foundation
public import SupportSchema

/// Where one SLA clock of a ticket stands at an instant.
public struct SLAClockStatus: Hashable, Sendable {
    public enum State: Hashable, Sendable {
        /// Never started (e.g. no next response owed).
        case idle
        /// Counting: warn at `warningAt`, breached at `dueAt`.
        case running(warningAt: Date, dueAt: Date)
        /// Stopped while waiting; `remaining` seconds of target left.
        case paused(remaining: TimeInterval)
        /// Met in time at `at`.
        case met(at: Date)
        /// The deadline passed at `at` (and, for a response, no answer came by then).
        case breached(at: Date)
    }

    public var clock: SLAClockKind
    public var state: State

    public init(clock: SLAClockKind, state: State) {
        self.clock = clock
        self.state = state
    }
}
