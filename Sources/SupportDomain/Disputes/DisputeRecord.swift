public import SupportSchema

/// What the state machine knows of one dispute: the `dispute` row plus its deal, in domain terms.
///
/// The repository loads it, ``DisputeMachine`` returns the next one, the repository stores it with
/// the audit entry. It is plain data, so a transition can be replayed and tested without a database.
public struct DisputeRecord: Hashable, Sendable {
    public var id: DisputeID
    public var deal: DealSnapshot
    public var state: DisputeState
    /// `opened_by_id`: the only one who may withdraw.
    public var claimant: RequesterID
    /// `respondent_id`: the one who must answer in `awaiting_response`.
    public var respondent: RequesterID
    /// `arbiter_id`: the first-instance arbiter.
    public var arbiter: StaffID?
    /// `appeal_arbiter_id`: the reviewer of the appeal, never the first arbiter.
    public var appealArbiter: StaffID?
    /// Staff who recused themselves from this dispute; no draw picks them again.
    public var recused: Set<StaffID>
    public var deadline: DisputeDeadline
    /// Set when a default rule moved the dispute or an overdue step was escalated.
    public var flagged: Bool
    /// The standing settlement offer, if any.
    public var settlement: SettlementProposal?
    public var decision: DisputeDecision?
    /// The party who appealed the first ruling; non-nil from `appealed` on.
    public var appealedBy: RequesterID?
    /// The ruling on appeal: final.
    public var appealDecision: DisputeDecision?
    /// `payout_approved_by_id`: the owner's second approval above the threshold.
    public var payoutApprovedBy: StaffID?
    /// Bumped by every transition so stale `dispute` jobs find nothing to do.
    public var generation: Int64

    public init(
        id: DisputeID, deal: DealSnapshot, claimant: RequesterID, respondent: RequesterID,
        state: DisputeState = .opened, arbiter: StaffID? = nil, appealArbiter: StaffID? = nil,
        recused: Set<StaffID> = [], deadline: DisputeDeadline = .none, flagged: Bool = false,
        settlement: SettlementProposal? = nil, decision: DisputeDecision? = nil, appealedBy: RequesterID? = nil,
        appealDecision: DisputeDecision? = nil, payoutApprovedBy: StaffID? = nil, generation: Int64 = 0
    ) {
        self.id = id
        self.deal = deal
        self.state = state
        self.claimant = claimant
        self.respondent = respondent
        self.arbiter = arbiter
        self.appealArbiter = appealArbiter
        self.recused = recused
        self.deadline = deadline
        self.flagged = flagged
        self.settlement = settlement
        self.decision = decision
        self.appealedBy = appealedBy
        self.appealDecision = appealDecision
        self.payoutApprovedBy = payoutApprovedBy
        self.generation = generation
    }

    /// Claimant and respondent.
    public var parties: Set<RequesterID> { [claimant, respondent] }

    /// An appeal was filed: the reviewer's seat is the one that counts.
    public var isAppeal: Bool { appealedBy != nil }

    /// Who decides now: the appeal reviewer during an appeal, else the arbiter.
    public var seat: StaffID? { isAppeal ? appealArbiter : arbiter }

    /// The ruling that is executed: the appeal's if there is one.
    public var effectiveDecision: DisputeDecision? { appealDecision ?? decision }

    /// The key sent with every payout attempt, so the guarantor bot pays at most once.
    public var payoutIdempotencyKey: String { "dispute-\(id)-payout" }
}
