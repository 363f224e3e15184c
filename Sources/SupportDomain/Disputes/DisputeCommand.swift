public import SupportSchema

/// Everything that can happen to a dispute, as input to ``DisputeMachine``.
///
/// ``DisputeMachine/states(accepting:)`` lists the states each command is accepted in; the actor
/// rules are on each case.
public enum DisputeCommand: Hashable, Sendable {
    /// `opened → awaiting_response`: intake accepted the dispute; ask the respondent. System or owner.
    /// Refused when the deal requires a deposit that is not confirmed.
    case requestResponse
    /// `awaiting_response → negotiation`. The respondent only.
    case respond
    /// Either party offers terms; the state does not change. Before any decision.
    case proposeSettlement(terms: String)
    /// The other party accepts the standing proposal: `→ settled`.
    case acceptSettlement
    /// `negotiation → evidence`: a party, the arbiter, an owner or the system gives up negotiating.
    case moveToEvidence
    /// Fill the open seat: the first arbiter, or during an appeal the reviewer (`appealed → under_review`).
    /// System (after a draw) or owner; the assignee must be an arbiter or an owner.
    case assignArbiter(StaffID, roles: Set<Role>)
    /// The seat holder steps down; the machine asks for a redraw without them.
    case recuse(reason: String)
    /// `evidence → info_requested`, pausing the evidence deadline. Arbiter or owner.
    case requestInfo(note: String)
    /// `info_requested → evidence`, resuming the deadline with the banked time. A party or the arbiter.
    case provideInfo
    /// `evidence → under_review`. Arbiter, owner or system.
    case submitForReview
    /// `under_review → decided`. Only the seat holder: the arbiter, or the appeal reviewer (final).
    case decide(DisputeDecision.Outcome, reasons: String)
    /// `decided →` `appeal_window` after a first ruling, `executing` (or `closed` for no ruling) after a
    /// final one. The system, once both parties were sent the decision.
    case decisionDelivered
    /// `appeal_window → appealed`, within the window. A party only; never after the ruling on appeal.
    case appeal(reason: String)
    /// An owner other than the decider approves a payout above the threshold (`executing`).
    case approvePayout
    /// The guarantor bot refused or failed the payout: retry and raise an L2 incident. System.
    case executionFailed(reason: String)
    /// The guarantor bot confirmed the payout: `executing → closed`. System.
    case executionConfirmed
    /// The claimant withdraws, before any decision: `→ withdrawn`.
    case withdraw
    /// The deadline of the current state passed: apply its default rule (see ``DisputeMachine``). System.
    case deadlineMissed
    /// Nobody pursued the dispute while it waited on the parties: `→ expired`. System or owner.
    case expire

    /// The command without its payload, for tables, logs and audit rows.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case requestResponse = "request_response"
        case respond
        case proposeSettlement = "propose_settlement"
        case acceptSettlement = "accept_settlement"
        case moveToEvidence = "move_to_evidence"
        case assignArbiter = "assign_arbiter"
        case recuse
        case requestInfo = "request_info"
        case provideInfo = "provide_info"
        case submitForReview = "submit_for_review"
        case decide
        case decisionDelivered = "decision_delivered"
        case appeal
        case approvePayout = "approve_payout"
        case executionFailed = "execution_failed"
        case executionConfirmed = "execution_confirmed"
        case withdraw
        case deadlineMissed = "deadline_missed"
        case expire
    }

    public var kind: Kind {
        switch self {
        case .requestResponse: .requestResponse
        case .respond: .respond
        case .proposeSettlement: .proposeSettlement
        case .acceptSettlement: .acceptSettlement
        case .moveToEvidence: .moveToEvidence
        case .assignArbiter: .assignArbiter
        case .recuse: .recuse
        case .requestInfo: .requestInfo
        case .provideInfo: .provideInfo
        case .submitForReview: .submitForReview
        case .decide: .decide
        case .decisionDelivered: .decisionDelivered
        case .appeal: .appeal
        case .approvePayout: .approvePayout
        case .executionFailed: .executionFailed
        case .executionConfirmed: .executionConfirmed
        case .withdraw: .withdraw
        case .deadlineMissed: .deadlineMissed
        case .expire: .expire
        }
    }
}
