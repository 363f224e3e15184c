public import Foundation
public import SupportSchema

/// The deal-dispute state machine: a command, its actor and the dispute in; the next dispute and
/// the work to do out, or a ``DisputeTransitionError`` saying why not.
///
/// Main path: `opened → awaiting_response → negotiation → evidence (⇄ info_requested) → under_review
/// → decided → appeal_window → executing → closed`. An appeal goes `appeal_window → appealed →
/// under_review` (with a reviewer other than the first arbiter) `→ decided → executing`, and that
/// second ruling is final. `settled`, `withdrawn` and `expired` end a dispute before a ruling.
///
/// Default rules when a deadline is missed (``DisputeCommand/deadlineMissed``):
/// - `awaiting_response` → `under_review`, flagged: the respondent did not answer, so the arbiter
///   rules on the claimant's case.
/// - `negotiation` → `evidence`: talking failed, collect evidence.
/// - `evidence` → `under_review`: what was submitted is what is reviewed.
/// - `under_review` stays, flagged and escalated to the owners, with a new deadline.
/// - `appeal_window` → `executing` (the ruling stands), or `closed` when there was no ruling.
/// - `appealed` stays, flagged and escalated to the owners: no reviewer was found in time.
/// - `executing` stays: the payout is sent again with the same key and an L2 incident is raised,
///   or, while an owner's approval is awaited, the owners are reminded.
///
/// Every accepted command bumps ``DisputeRecord/generation``, and the result schedules the deadline
/// again whenever one runs, so a job scheduled before the command finds nothing to do.
///
/// ```swift
/// let machine = DisputeMachine(payoutApprovalThreshold: 10_000)
/// let step = try machine.apply(.respond, by: .requester(respondent), to: record, at: now)
/// try store.save(step.after, audit: step.before.state, step.after.state); perform(step.effects)
/// ```
public struct DisputeMachine: Sendable {
    public var deadlines: DisputeDeadlines
    /// Deal amounts strictly above this need an owner's second approval before payout; `nil`: never.
    public var payoutApprovalThreshold: Decimal?

    public init(deadlines: DisputeDeadlines = DisputeDeadlines(), payoutApprovalThreshold: Decimal? = nil) {
        self.deadlines = deadlines
        self.payoutApprovalThreshold = payoutApprovalThreshold
    }

    /// States in which `kind` can be accepted at all (actor and preconditions come on top), e.g. to
    /// show the console's buttons.
    public static func states(accepting kind: DisputeCommand.Kind) -> Set<DisputeState> {
        switch kind {
        case .requestResponse: [.opened]
        case .respond: [.awaitingResponse]
        case .proposeSettlement, .acceptSettlement: [.negotiation, .evidence, .infoRequested, .underReview]
        case .moveToEvidence: [.negotiation]
        case .assignArbiter: [.awaitingResponse, .negotiation, .evidence, .infoRequested, .underReview, .appealed]
        case .recuse: [.awaitingResponse, .negotiation, .evidence, .infoRequested, .underReview]
        case .requestInfo, .submitForReview: [.evidence]
        case .provideInfo: [.infoRequested]
        case .decide: [.underReview]
        case .decisionDelivered: [.decided]
        case .appeal: [.appealWindow]
        case .approvePayout, .executionFailed, .executionConfirmed: [.executing]
        case .withdraw: [.opened, .awaitingResponse, .negotiation, .evidence, .infoRequested, .underReview]
        case .deadlineMissed: Set(DisputeState.allCases.filter(\.hasDeadline))
        case .expire: [.opened, .awaitingResponse, .negotiation, .evidence, .infoRequested]
        }
    }

    /// States in which parties and the arbiter may still add evidence: from the respondent's turn
    /// until the ruling, and again while an appeal waits for its reviewer.
    public static let statesAcceptingEvidence: Set<DisputeState> = [
        .awaitingResponse, .negotiation, .evidence, .infoRequested, .underReview, .appealed,
    ]

    /// Whether the payout of `record`'s ruling needs an owner's second approval.
    public func needsPayoutApproval(_ record: DisputeRecord) -> Bool {
        guard let threshold = payoutApprovalThreshold, let decision = record.effectiveDecision else { return false }
        return decision.outcome.needsPayout && record.deal.amount > threshold
    }

    /// Applies `command` issued by `actor` to `record` at `now`.
    ///
    /// - Parameters:
    ///   - command: what happened or is asked for.
    ///   - actor: who asks; checked against the parties, the seat and roles.
    ///   - record: the dispute as stored.
    ///   - now: the instant of the command; deadlines run from it.
    /// - Returns: the dispute after the command and the effects to perform.
    /// - Throws: ``DisputeTransitionError`` when the command is refused; `record` is then unchanged.
    public func apply(
        _ command: DisputeCommand, by actor: DisputeActor, to record: DisputeRecord, at now: Date
    ) throws(DisputeTransitionError) -> DisputeTransition {
        var step = Step(machine: self, command: command, actor: actor, before: record, now: now)
        try step.run()
        return step.finish()
    }
}

extension DisputeMachine {
    /// One application of a command: the record being built and the effects collected.
    private struct Step {
        let machine: DisputeMachine
        let command: DisputeCommand
        let actor: DisputeActor
        let before: DisputeRecord
        let now: Date
        var next: DisputeRecord
        var effects: [DisputeEffect] = []

        init(machine: DisputeMachine, command: DisputeCommand, actor: DisputeActor, before: DisputeRecord, now: Date) {
            self.machine = machine
            self.command = command
            self.actor = actor
            self.before = before
            self.now = now
            self.next = before
        }

        func refuse(_ code: DisputeTransitionError.Code, _ detail: String) -> DisputeTransitionError {
            DisputeTransitionError(code, state: before.state, command: command.kind, detail: detail)
        }

        mutating func run() throws(DisputeTransitionError) {
            let kind = command.kind
            if kind == .appeal, before.appealDecision != nil {
                throw refuse(.rulingIsFinal, "the ruling on appeal is final")
            }
            guard DisputeMachine.states(accepting: kind).contains(before.state) else {
                throw refuse(.wrongState, "\(kind.rawValue) is not accepted in \(before.state.rawValue)")
            }
            switch command {
            case .requestResponse:
                try requireSystemOrOwner()
                guard DepositRule.isSatisfied(before.deal) else {
                    throw refuse(.depositNotConfirmed, "deal \(before.deal.id) requires a deposit, which is \(before.deal.depositStatus.rawValue)")
                }
                enter(.awaitingResponse)
                effects.append(.notify(.party(before.respondent), .state(.awaitingResponse)))

            case .respond:
                guard actor.requesterID == before.respondent else { throw refuse(.notRespondent, "only the respondent responds") }
                enter(.negotiation)
                effects.append(.notify(.bothParties, .state(.negotiation)))

            case .proposeSettlement(let terms):
                try requireNoDecision()
                let party = try requireParty()
                try requireText(terms, "settlement terms")
                next.settlement = SettlementProposal(proposedBy: party, terms: terms, proposedAt: now)
                effects.append(.notify(.party(other(than: party)), .settlementProposed(terms: terms)))

            case .acceptSettlement:
                try requireNoDecision()
                let party = try requireParty()
                guard let proposal = before.settlement else { throw refuse(.noSettlementProposal, "nothing was proposed") }
                guard proposal.proposedBy != party else {
                    throw refuse(.ownSettlementProposal, "the other party must accept the proposal")
                }
                enter(.settled)
                effects.append(.notify(.bothParties, .state(.settled)))

            case .moveToEvidence:
                guard actor == .system || actor.holds(.owner) || isParty || isSeatHolder else {
                    throw refuse(.wrongActor, "a party, the arbiter, an owner or the system moves to evidence")
                }
                enter(.evidence)
                drawIfSeatEmpty()
                effects.append(.notify(.bothParties, .state(.evidence)))

            case .assignArbiter(let staff, let roles):
                try requireSystemOrOwner()
                try assign(staff, roles: roles)

            case .recuse(let reason):
                guard let seat = before.seat, actor.staffID == seat else {
                    throw refuse(.notAssignedArbiter, "only the assigned \(seatName) recuses")
                }
                try requireText(reason, "reasons for the recusal")
                next.recused.insert(seat)
                if before.isAppeal { next.appealArbiter = nil } else { next.arbiter = nil }
                effects.append(.drawArbiter(appeal: before.isAppeal, excluding: exclusions(of: next)))

            case .requestInfo(let note):
                guard isSeatHolder || actor.holds(.owner) else {
                    throw refuse(.notAssignedArbiter, "only the assigned \(seatName) or an owner requests information")
                }
                try requireText(note, "the request")
                next.state = .infoRequested
                next.deadline = machine.deadlines.pause(before.deadline, at: now)
                effects.append(.notify(.bothParties, .informationRequested(note: note)))

            case .provideInfo:
                guard isParty || isSeatHolder else { throw refuse(.wrongActor, "a party or the assigned \(seatName) provides information") }
                next.state = .evidence
                next.deadline = machine.deadlines.resume(before.deadline, at: now)
                if let seat = before.seat { effects.append(.notify(.staff(seat), .state(.evidence))) }

            case .submitForReview:
                guard actor == .system || actor.holds(.owner) || isSeatHolder else {
                    throw refuse(.wrongActor, "the assigned \(seatName), an owner or the system closes the evidence")
                }
                enter(.underReview)
                drawIfSeatEmpty()
                effects.append(.notify(.bothParties, .state(.underReview)))

            case .decide(let outcome, let reasons):
                guard let seat = before.seat, actor.staffID == seat else {
                    throw refuse(.notAssignedArbiter, "only the assigned \(seatName) decides")
                }
                try requireText(reasons, "written reasons")
                if case .split(let percent) = outcome, !(1...99).contains(percent) {
                    throw refuse(.invalidSplit, "a split gives the seller 1–99 percent, not \(percent)")
                }
                let decision = DisputeDecision(outcome: outcome, reasons: reasons, decidedBy: seat, decidedAt: now)
                if before.isAppeal { next.appealDecision = decision } else { next.decision = decision }
                enter(.decided)
                effects.append(.notify(.bothParties, .decision(decision, final: before.isAppeal)))

            case .decisionDelivered:
                try requireSystem()
                if before.appealDecision != nil {
                    execute()
                } else {
                    enter(.appealWindow)
                    effects.append(.notify(.bothParties, .state(.appealWindow)))
                }

            case .appeal(let reason):
                let party = try requireParty()
                if let due = before.deadline.dueAt, now >= due {
                    throw refuse(.appealWindowClosed, "the appeal window closed")
                }
                try requireText(reason, "grounds for the appeal")
                next.appealedBy = party
                enter(.appealed)
                effects.append(.drawArbiter(appeal: true, excluding: exclusions(of: next)))
                effects.append(.notify(.bothParties, .appealFiled(reason: reason)))

            case .approvePayout:
                guard let owner = actor.staffID, actor.holds(.owner) else { throw refuse(.ownerOnly, "only an owner approves a payout") }
                guard awaitingApproval else { throw refuse(.payoutApprovalNotNeeded, "no approval is pending") }
                guard owner != before.effectiveDecision?.decidedBy else {
                    throw refuse(.approverDecided, "the second approval must come from someone other than the decider")
                }
                next.payoutApprovedBy = owner
                enter(.executing)
                sendPayout()

            case .executionFailed(let reason):
                try requireSystem()
                guard !awaitingApproval else { throw refuse(.payoutApprovalPending, "the payout was not sent: approval pending") }
                enter(.executing)
                sendPayout()
                effects.append(.raiseIncident(reason: "payout of dispute \(before.id) failed: \(reason)"))

            case .executionConfirmed:
                try requireSystem()
                guard !awaitingApproval else { throw refuse(.payoutApprovalPending, "the payout was not sent: approval pending") }
                enter(.closed)
                effects.append(.notify(.bothParties, .state(.closed)))

            case .withdraw:
                guard actor.requesterID == before.claimant else { throw refuse(.notClaimant, "only the claimant withdraws") }
                try requireNoDecision()
                enter(.withdrawn)
                effects.append(.notify(.bothParties, .state(.withdrawn)))

            case .deadlineMissed:
                try requireSystem()
                guard let due = before.deadline.dueAt else { throw refuse(.noDeadline, "no deadline is running") }
                guard now >= due else { throw refuse(.deadlineNotReached, "the deadline is not reached") }
                applyDefaultRule()

            case .expire:
                try requireSystemOrOwner()
                enter(.expired)
                effects.append(.notify(.bothParties, .state(.expired)))
            }
        }

        /// Bumps the generation and adds the deadline bookkeeping.
        func finish() -> DisputeTransition {
            var after = next
            after.generation += 1
            var all = effects
            if let due = after.deadline.dueAt {
                all.append(.scheduleDeadline(after.state, due: due))
            } else if before.deadline.dueAt != nil {
                all.append(.cancelDeadline)
            }
            return DisputeTransition(before: before, after: after, effects: all)
        }

        // MARK: Rules

        private mutating func applyDefaultRule() {
            switch before.state {
            case .awaitingResponse:
                enter(.underReview)
                flag("no response from the respondent")
                drawIfSeatEmpty()
                effects.append(.notify(.bothParties, .state(.underReview)))
            case .negotiation:
                enter(.evidence)
                drawIfSeatEmpty()
                effects.append(.notify(.bothParties, .state(.evidence)))
            case .evidence:
                enter(.underReview)
                drawIfSeatEmpty()
                effects.append(.notify(.bothParties, .state(.underReview)))
            case .underReview:
                enter(.underReview)
                flag("review overdue")
                effects.append(.escalateToOwners(reason: before.seat == nil ? "review overdue, no \(seatName) assigned" : "review overdue"))
            case .appealWindow:
                execute()
            case .appealed:
                enter(.appealed)
                flag("no appeal reviewer assigned in time")
                effects.append(.escalateToOwners(reason: "no appeal reviewer assigned in time"))
            case .executing:
                enter(.executing)
                if awaitingApproval {
                    flag("payout approval overdue")
                    effects.append(.escalateToOwners(reason: "payout approval overdue"))
                } else {
                    sendPayout()
                    effects.append(.raiseIncident(reason: "payout of dispute \(before.id) not confirmed in time"))
                }
            default:
                // Unreachable: `states(accepting: .deadlineMissed)` admits only states with a deadline.
                break
            }
        }

        /// The ruling stands: pay it out, or close when there is nothing to pay.
        private mutating func execute() {
            guard let decision = next.effectiveDecision, decision.outcome.needsPayout else {
                enter(.closed)
                effects.append(.notify(.bothParties, .state(.closed)))
                return
            }
            enter(.executing)
            effects.append(.notify(.bothParties, .state(.executing)))
            if machine.needsPayoutApproval(next) && next.payoutApprovedBy == nil {
                effects.append(.requestPayoutApproval(amount: next.deal.amount, currency: next.deal.currency))
            } else {
                sendPayout()
            }
        }

        private mutating func sendPayout() {
            guard let decision = next.effectiveDecision else { return }
            effects.append(.sendPayout(decision.outcome, idempotencyKey: next.payoutIdempotencyKey))
        }

        private mutating func assign(_ staff: StaffID, roles: Set<Role>) throws(DisputeTransitionError) {
            guard before.seat == nil else { throw refuse(.seatTaken, "the \(seatName) is already assigned") }
            guard roles.contains(.arbiter) || roles.contains(.owner) else {
                throw refuse(.assigneeNotEligible, "staff \(staff) is neither an arbiter nor an owner")
            }
            guard !before.recused.contains(staff) else { throw refuse(.assigneeRecused, "staff \(staff) recused themselves") }
            if before.isAppeal {
                guard staff != before.arbiter else {
                    throw refuse(.appealReviewerIsFirstArbiter, "the appeal goes to someone other than the first arbiter")
                }
                next.appealArbiter = staff
                if before.state == .appealed { enter(.underReview) }
            } else {
                next.arbiter = staff
            }
            effects.append(.notify(.staff(staff), .assigned(appeal: before.isAppeal)))
        }

        private mutating func drawIfSeatEmpty() {
            if next.seat == nil { effects.append(.drawArbiter(appeal: next.isAppeal, excluding: exclusions(of: next))) }
        }

        private func exclusions(of record: DisputeRecord) -> Set<StaffID> {
            var out = record.recused
            if record.isAppeal, let first = record.arbiter { out.insert(first) }
            return out
        }

        /// Sets the state and starts its clock afresh (none for states without a deadline).
        private mutating func enter(_ state: DisputeState) {
            next.state = state
            next.deadline = machine.deadlines.deadline(for: state, from: now)
        }

        private mutating func flag(_ reason: String) {
            next.flagged = true
            effects.append(.flag(reason: reason))
        }

        // MARK: Actors and preconditions

        private var awaitingApproval: Bool { machine.needsPayoutApproval(before) && before.payoutApprovedBy == nil }
        private var isParty: Bool { actor.requesterID.map(before.parties.contains) ?? false }
        private var isSeatHolder: Bool { before.seat != nil && actor.staffID == before.seat }
        private var seatName: String { before.isAppeal ? "appeal reviewer" : "arbiter" }

        private func other(than party: RequesterID) -> RequesterID {
            party == before.claimant ? before.respondent : before.claimant
        }

        private func requireParty() throws(DisputeTransitionError) -> RequesterID {
            guard let id = actor.requesterID, before.parties.contains(id) else {
                throw refuse(.notAParty, "only a party of the dispute may do this")
            }
            return id
        }

        private func requireSystem() throws(DisputeTransitionError) {
            guard actor == .system else { throw refuse(.systemOnly, "only the arbitration worker does this") }
        }

        private func requireSystemOrOwner() throws(DisputeTransitionError) {
            guard actor == .system || actor.holds(.owner) else { throw refuse(.ownerOnly, "only an owner or the worker does this") }
        }

        private func requireNoDecision() throws(DisputeTransitionError) {
            guard before.decision == nil else { throw refuse(.afterDecision, "a ruling was already made") }
        }

        private func requireText(_ text: String, _ what: String) throws(DisputeTransitionError) {
            guard !text.allSatisfy(\.isWhitespace) else { throw refuse(.missingText, "\(what) must not be blank") }
        }
    }
}
