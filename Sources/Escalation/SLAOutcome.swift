public import SupportDomain
public import SupportSchema

/// What an `sla` job did; logged, and asserted on by tests.
public enum SLAOutcome: Hashable, Sendable {
    /// The ticket's clocks changed since the job was scheduled (a newer generation), or it is gone.
    case stale
    /// The clock stopped, moved, or this alarm was already handled for the run.
    case nothingDue
    /// The alarm was recorded and the ladder's plan carried out.
    case escalated(EscalationPlan)
}
