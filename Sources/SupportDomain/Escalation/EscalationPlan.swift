public import SupportSchema

/// The ladder's answer: the steps to take, in order, and why (kept in the ticket's history).
public struct EscalationPlan: Hashable, Sendable {
    public var steps: [EscalationStep]
    public var why: String

    public init(steps: [EscalationStep], why: String) {
        self.steps = steps
        self.why = why
    }

    /// The line the plan moves the ticket to, if any.
    public var movesTo: Line? {
        for case .moveTo(let line) in steps { return line }
        return nil
    }
}
