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
    /// When the current run of this clock began (creation, the requester's message a next response
    /// answers, a reopen): what makes a warning or breach of one run distinct from the next run's.
    public var runStartedAt: Date?
    /// Whether the clock still counts (or would, once resumed): an unanswered breach is still open.
    public var isOpen: Bool

    public init(clock: SLAClockKind, state: State, runStartedAt: Date? = nil, isOpen: Bool = false) {
        self.clock = clock
        self.state = state
        self.runStartedAt = runStartedAt
        self.isOpen = isOpen
    }

    /// The running clock's deadline of `kind`, or nil when the clock is not counting towards one.
    public func deadline(_ kind: SLADeadlineKind) -> Date? {
        switch state {
        case .running(let warningAt, let dueAt): kind == .warning ? warningAt : dueAt
        case .breached(let at) where isOpen: at
        default: nil
        }
    }
}
