public import SupportSchema

/// The result of ``ArbiterDraw``: who was drawn from which pool, and why everyone else was left out.
public struct ArbiterDrawDecision: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        case drawn(StaffID)
        /// Nobody eligible and available: the owners (L3) take the dispute.
        case escalateToOwners
    }

    public var outcome: Outcome
    /// Everyone who could have been drawn, by id.
    public var pool: [StaffID]
    /// Everyone left out, with every reason that applies.
    public var exclusions: [StaffID: [ArbiterExclusion]]

    public init(outcome: Outcome, pool: [StaffID], exclusions: [StaffID: [ArbiterExclusion]]) {
        self.outcome = outcome
        self.pool = pool
        self.exclusions = exclusions
    }

    /// The drawn arbiter, if any.
    public var arbiter: StaffID? {
        if case .drawn(let id) = outcome { id } else { nil }
    }

    /// A line for the dispute's history.
    public var why: String {
        let excluded = exclusions.isEmpty ? "" : ", \(exclusions.count) excluded"
        switch outcome {
        case .drawn(let id): return "drew \(id) at random from \(pool.count) eligible\(excluded)"
        case .escalateToOwners: return "no eligible arbiter\(excluded): escalated to owners"
        }
    }
}
