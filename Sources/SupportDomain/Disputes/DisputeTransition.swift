public import SupportSchema

/// The result of an accepted command: the record after it and the work it asks for.
///
/// `before` and `after` give the audit entry its before/after states.
public struct DisputeTransition: Hashable, Sendable {
    public var before: DisputeRecord
    public var after: DisputeRecord
    public var effects: [DisputeEffect]

    public init(before: DisputeRecord, after: DisputeRecord, effects: [DisputeEffect]) {
        self.before = before
        self.after = after
        self.effects = effects
    }

    /// The new state.
    public var state: DisputeState { after.state }
}
