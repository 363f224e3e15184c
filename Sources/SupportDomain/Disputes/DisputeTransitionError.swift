public import SupportSchema

/// Why ``DisputeMachine`` refused a command: a stable ``Code`` to branch on, plus the state, the
/// command and a sentence for staff (ids only, never evidence or reasons text).
///
/// ```swift
/// do { try machine.apply(.appeal(reason: r), by: actor, to: record, at: now) }
/// catch where error.code == .appealWindowClosed { … }
/// ```
public struct DisputeTransitionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Extensible like `PSQLError.Code`: new refusals can be added without breaking `switch`es.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case wrongState = "wrong_state"
            case rulingIsFinal = "ruling_is_final"
            case afterDecision = "after_decision"
            case wrongActor = "wrong_actor"
            case systemOnly = "system_only"
            case ownerOnly = "owner_only"
            case notAParty = "not_a_party"
            case notClaimant = "not_claimant"
            case notRespondent = "not_respondent"
            case notAssignedArbiter = "not_assigned_arbiter"
            case seatTaken = "seat_taken"
            case assigneeNotEligible = "assignee_not_eligible"
            case appealReviewerIsFirstArbiter = "appeal_reviewer_is_first_arbiter"
            case assigneeRecused = "assignee_recused"
            case depositNotConfirmed = "deposit_not_confirmed"
            case noSettlementProposal = "no_settlement_proposal"
            case ownSettlementProposal = "own_settlement_proposal"
            case missingText = "missing_text"
            case invalidSplit = "invalid_split"
            case appealWindowClosed = "appeal_window_closed"
            case noDeadline = "no_deadline"
            case deadlineNotReached = "deadline_not_reached"
            case payoutApprovalNotNeeded = "payout_approval_not_needed"
            case payoutApprovalPending = "payout_approval_pending"
            case approverDecided = "approver_decided"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The command is not accepted in the current state.
        public static let wrongState = Code(.wrongState)
        /// An appeal after the ruling on appeal: that ruling is final.
        public static let rulingIsFinal = Code(.rulingIsFinal)
        /// Withdrawing or settling once a ruling exists.
        public static let afterDecision = Code(.afterDecision)
        /// The actor may not issue this command (the detail says who may).
        public static let wrongActor = Code(.wrongActor)
        /// Only the arbitration worker issues this command.
        public static let systemOnly = Code(.systemOnly)
        /// Only an owner (or the worker, where stated) issues this command.
        public static let ownerOnly = Code(.ownerOnly)
        /// Only a party of the dispute, e.g. to appeal.
        public static let notAParty = Code(.notAParty)
        /// Only the claimant withdraws.
        public static let notClaimant = Code(.notClaimant)
        /// Only the respondent responds.
        public static let notRespondent = Code(.notRespondent)
        /// Only the assigned arbiter (or appeal reviewer) decides, recuses or requests information.
        public static let notAssignedArbiter = Code(.notAssignedArbiter)
        /// The seat already has a holder; a recusal frees it.
        public static let seatTaken = Code(.seatTaken)
        /// The assignee is neither an arbiter nor an owner.
        public static let assigneeNotEligible = Code(.assigneeNotEligible)
        /// The appeal must go to someone other than the first arbiter.
        public static let appealReviewerIsFirstArbiter = Code(.appealReviewerIsFirstArbiter)
        /// The assignee recused themselves from this dispute.
        public static let assigneeRecused = Code(.assigneeRecused)
        /// The deal requires a deposit that the guarantor has not confirmed.
        public static let depositNotConfirmed = Code(.depositNotConfirmed)
        public static let noSettlementProposal = Code(.noSettlementProposal)
        /// A party cannot accept its own offer.
        public static let ownSettlementProposal = Code(.ownSettlementProposal)
        /// Reasons, terms or a note are blank.
        public static let missingText = Code(.missingText)
        /// A split gives the seller 1–99 percent.
        public static let invalidSplit = Code(.invalidSplit)
        public static let appealWindowClosed = Code(.appealWindowClosed)
        /// The clock is paused or absent, so nothing can be missed.
        public static let noDeadline = Code(.noDeadline)
        /// A deadline job fired early (or was replayed); nothing is due yet.
        public static let deadlineNotReached = Code(.deadlineNotReached)
        public static let payoutApprovalNotNeeded = Code(.payoutApprovalNotNeeded)
        /// The payout waits for an owner's approval, so it cannot have run.
        public static let payoutApprovalPending = Code(.payoutApprovalPending)
        /// The second approval must come from someone other than the decider.
        public static let approverDecided = Code(.approverDecided)

        public var description: String { base.rawValue }
    }

    public var code: Code
    public var state: DisputeState
    public var command: DisputeCommand.Kind
    /// A sentence for staff: who may, or what is missing.
    public var detail: String

    public init(_ code: Code, state: DisputeState, command: DisputeCommand.Kind, detail: String) {
        self.code = code
        self.state = state
        self.command = command
        self.detail = detail
    }

    public var description: String {
        "\(command.rawValue) refused in \(state.rawValue) (\(code)): \(detail)"
    }
}

extension DisputeTransitionError {
    /// The command was refused because of who asked (an API answers 403), not because of the
    /// dispute's state or the input.
    public var isActorRefusal: Bool {
        [Code.wrongActor, .systemOnly, .ownerOnly, .notAParty, .notClaimant, .notRespondent, .notAssignedArbiter,
         .approverDecided].contains(code)
    }
}
