public import Foundation
public import SupportSchema

/// How long each waiting state of a dispute may last, in business minutes of the desk calendar.
///
/// Business time, because a respondent who is asked on Friday evening should not lose the weekend.
/// `info_requested` has no duration of its own: it pauses the `evidence` clock, and the business
/// time left is banked and given back on resume.
///
/// ```swift
/// let deadlines = DisputeDeadlines(businessMinutes: [.awaitingResponse: 36 * 60])
/// let clock = deadlines.deadline(for: .awaitingResponse, from: now)   // .due(…)
/// let paused = deadlines.pause(clock, at: later)                      // .paused(remaining: …)
/// ```
public struct DisputeDeadlines: Hashable, Sendable {
    public var calendar: BusinessCalendar
    /// Business minutes per state; only states with ``DisputeState/hasDeadline`` appear.
    public private(set) var businessMinutes: [DisputeState: Int]

    /// Defaults, in business hours of a 12-hour desk day:
    /// - respondent's answer 24 h (two desk days), negotiation 36 h, evidence 60 h (a desk week),
    /// - review 36 h, appeal window 24 h, finding an appeal reviewer 12 h,
    /// - the guarantor bot's payout confirmation (or an owner's approval) 4 h before retrying.
    public static let defaultBusinessMinutes: [DisputeState: Int] = [
        .awaitingResponse: 24 * 60,
        .negotiation: 36 * 60,
        .evidence: 60 * 60,
        .underReview: 36 * 60,
        .appealWindow: 24 * 60,
        .appealed: 12 * 60,
        .executing: 4 * 60,
    ]

    /// - Parameters:
    ///   - calendar: the desk calendar the minutes run in.
    ///   - overrides: minutes per state replacing the defaults; states without a deadline are ignored
    ///     and values below one minute count as one.
    public init(calendar: BusinessCalendar = .standard, businessMinutes overrides: [DisputeState: Int] = [:]) {
        self.calendar = calendar
        var minutes = Self.defaultBusinessMinutes
        for (state, value) in overrides where state.hasDeadline { minutes[state] = max(1, value) }
        self.businessMinutes = minutes
    }

    /// The configured duration of `state`; `nil` when it has no deadline.
    public func businessMinutes(for state: DisputeState) -> Int? {
        state.hasDeadline ? businessMinutes[state] : nil
    }

    /// The clock of `state` entered at `start`: due after its business minutes, or none.
    public func deadline(for state: DisputeState, from start: Date) -> DisputeDeadline {
        guard let minutes = businessMinutes(for: state) else { return .none }
        return .due(calendar.add(businessMinutes: minutes, to: start))
    }

    /// Stops a running clock at `now`, banking the business time left (zero if already overdue).
    /// Other clocks are returned unchanged.
    public func pause(_ deadline: DisputeDeadline, at now: Date) -> DisputeDeadline {
        guard case .due(let due) = deadline else { return deadline }
        return .paused(remaining: calendar.businessSeconds(from: now, to: due))
    }

    /// Restarts a paused clock at `now` with the banked time. Other clocks are returned unchanged.
    public func resume(_ deadline: DisputeDeadline, at now: Date) -> DisputeDeadline {
        guard case .paused(let remaining) = deadline else { return deadline }
        return .due(calendar.add(businessSeconds: remaining, to: now))
    }

    /// Business seconds left at `now`: counting down when running, frozen when paused.
    public func remaining(_ deadline: DisputeDeadline, at now: Date) -> TimeInterval? {
        switch deadline {
        case .none: nil
        case .due(let due): calendar.businessSeconds(from: now, to: due)
        case .paused(let remaining): remaining
        }
    }

    /// Whether a running clock has fallen due at `now` (the due instant itself counts).
    public func isMissed(_ deadline: DisputeDeadline, at now: Date) -> Bool {
        guard case .due(let due) = deadline else { return false }
        return now >= due
    }
}
