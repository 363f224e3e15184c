import Foundation
import SupportDomain
import SupportSchema
import Testing

struct DisputeMachineTests {
    typealias F = DisputeFixtures

    func code(_ command: DisputeCommand, by actor: DisputeActor, in record: DisputeRecord, at now: Date = F.now,
              machine: DisputeMachine = F.machine) -> DisputeTransitionError.Code? {
        machine.refusal(command, by: actor, to: record, at: now)
    }

    @Test func aDisputeRunsFromOpeningToClosingInBusinessTime() throws {
        let machine = DisputeMachine()
        var record = DisputeRecord(id: 11, deal: F.deal, claimant: F.buyer, respondent: F.seller)

        // Friday 20:00: 24 business hours are Friday 2 h, Monday 12 h, Tuesday 10 h.
        var step = try machine.apply(.requestResponse, by: .system, to: record, at: ekb(7, "20:00"))
        #expect(step.effects == [
            .notify(.party(F.seller), .state(.awaitingResponse)), .scheduleDeadline(.awaitingResponse, due: ekb(11, "20:00")),
        ])
        record = step.after

        step = try machine.apply(.respond, by: F.asSeller, to: record, at: ekb(10, "11:00"))
        #expect(step.effects == [.notify(.bothParties, .state(.negotiation)), .scheduleDeadline(.negotiation, due: ekb(13, "11:00"))])
        record = step.after

        // 60 business hours are five desk days: Monday 12:00 to the next Monday 12:00.
        step = try machine.apply(.moveToEvidence, by: F.asBuyer, to: record, at: ekb(10, "12:00"))
        #expect(step.effects == [
            .drawArbiter(appeal: false, excluding: []), .notify(.bothParties, .state(.evidence)),
            .scheduleDeadline(.evidence, due: ekb(17, "12:00")),
        ])
        record = step.after

        step = try machine.apply(.assignArbiter(F.arbiter, roles: [.arbiter]), by: .system, to: record, at: ekb(10, "12:01"))
        #expect(step.after.arbiter == F.arbiter)
        #expect(step.effects == [.notify(.staff(F.arbiter), .assigned(appeal: false)), .scheduleDeadline(.evidence, due: ekb(17, "12:00"))])
        record = step.after

        step = try machine.apply(.submitForReview, by: F.asArbiter, to: record, at: ekb(11, "12:00"))
        #expect(step.effects == [.notify(.bothParties, .state(.underReview)), .scheduleDeadline(.underReview, due: ekb(14, "12:00"))])
        record = step.after

        step = try machine.apply(.decide(.split(sellerPercent: 30), reasons: "half the goods arrived"), by: F.asArbiter, to: record, at: ekb(12, "12:00"))
        let ruling = DisputeDecision(outcome: .split(sellerPercent: 30), reasons: "half the goods arrived", decidedBy: F.arbiter, decidedAt: ekb(12, "12:00"))
        #expect(step.after.decision == ruling)
        #expect(step.effects == [.notify(.bothParties, .decision(ruling, final: false)), .cancelDeadline])
        record = step.after

        step = try machine.apply(.decisionDelivered, by: .system, to: record, at: ekb(12, "12:05"))
        #expect(step.state == .appealWindow)
        #expect(step.after.deadline == .due(ekb(14, "12:05")))
        record = step.after

        // Nobody appealed: the ruling stands and is paid out (no threshold configured).
        step = try machine.apply(.deadlineMissed, by: .system, to: record, at: ekb(14, "12:05"))
        #expect(step.effects == [
            .notify(.bothParties, .state(.executing)), .sendPayout(.split(sellerPercent: 30), idempotencyKey: "dispute-11-payout"),
            .scheduleDeadline(.executing, due: ekb(14, "16:05")),
        ])
        record = step.after

        step = try machine.apply(.executionConfirmed, by: .system, to: record, at: ekb(14, "12:30"))
        #expect(step.state == .closed)
        #expect(step.effects == [.notify(.bothParties, .state(.closed)), .cancelDeadline])
        #expect(step.after.generation == 9)
        #expect(!step.after.flagged)
    }

    // MARK: Default rules

    @Test func noResponseFromTheRespondentSendsItToReviewFlagged() throws {
        var record = F.record(in: .awaitingResponse)
        record.arbiter = nil
        let step = try F.machine.apply(.deadlineMissed, by: .system, to: record, at: F.late)
        #expect(step.state == .underReview)
        #expect(step.after.flagged)
        #expect(step.effects == [
            .flag(reason: "no response from the respondent"), .drawArbiter(appeal: false, excluding: []),
            .notify(.bothParties, .state(.underReview)), .scheduleDeadline(.underReview, due: ekb(13, "12:00")),
        ])
    }

    @Test func negotiationAndEvidenceTimeoutsMoveOnWithoutAFlag() throws {
        let negotiation = try F.machine.apply(.deadlineMissed, by: .system, to: F.record(in: .negotiation), at: F.late)
        #expect(negotiation.state == .evidence)
        #expect(!negotiation.after.flagged)
        #expect(!negotiation.effects.contains { if case .drawArbiter = $0 { true } else { false } }, "the arbiter is already seated")
        let evidence = try F.machine.apply(.deadlineMissed, by: .system, to: F.record(in: .evidence), at: F.late)
        #expect(evidence.state == .underReview)
        #expect(!evidence.after.flagged)
    }

    @Test func overdueReviewAndMissingAppealReviewerEscalateToOwners() throws {
        let review = try F.machine.apply(.deadlineMissed, by: .system, to: F.record(in: .underReview), at: F.late)
        #expect(review.state == .underReview)
        #expect(review.after.flagged)
        #expect(review.effects == [
            .flag(reason: "review overdue"), .escalateToOwners(reason: "review overdue"),
            .scheduleDeadline(.underReview, due: ekb(13, "12:00")),
        ])
        let appealed = try F.machine.apply(.deadlineMissed, by: .system, to: F.record(in: .appealed), at: F.late)
        #expect(appealed.state == .appealed)
        #expect(appealed.after.flagged)
        #expect(appealed.effects.contains(.escalateToOwners(reason: "no appeal reviewer assigned in time")))
    }

    @Test func aDeadlineCountsFromItsInstantAndNeedsAClock() {
        let record = F.record(in: .negotiation)
        #expect(code(.deadlineMissed, by: .system, in: record, at: F.due) == nil)
        #expect(code(.deadlineMissed, by: .system, in: record, at: F.due.addingTimeInterval(-1)) == .deadlineNotReached)
        var noClock = record
        noClock.deadline = .none
        #expect(code(.deadlineMissed, by: .system, in: noClock, at: F.late) == .noDeadline)
        #expect(code(.deadlineMissed, by: .system, in: F.record(in: .infoRequested), at: F.late) == .wrongState)
    }

    @Test func withNoRulingTheDisputeClosesWithoutPayout() throws {
        var record = F.record(in: .appealWindow)
        record.decision = DisputeDecision(outcome: .noRuling, reasons: "outside the guarantee", decidedBy: F.arbiter, decidedAt: F.now)
        let step = try F.machine.apply(.deadlineMissed, by: .system, to: record, at: F.late)
        #expect(step.state == .closed)
        #expect(step.effects == [.notify(.bothParties, .state(.closed)), .cancelDeadline])
    }

    // MARK: Actors

    @Test func onlyTheRightPeopleAct() {
        let awaiting = F.record(in: .awaitingResponse)
        #expect(code(.respond, by: F.asBuyer, in: awaiting) == .notRespondent)
        #expect(code(.respond, by: .requester(F.outsider), in: awaiting) == .notRespondent)

        let window = F.record(in: .appealWindow)
        #expect(code(.appeal(reason: "x"), by: F.asArbiter, in: window) == .notAParty)
        #expect(code(.appeal(reason: "x"), by: F.asOwner, in: window) == .notAParty)
        #expect(code(.appeal(reason: "x"), by: .requester(F.outsider), in: window) == .notAParty)
        #expect(code(.appeal(reason: "x"), by: F.asBuyer, in: window) == nil)

        let review = F.record(in: .underReview)
        let decide = DisputeCommand.decide(.refundBuyer, reasons: "not shipped")
        #expect(code(decide, by: .staff(F.otherArbiter, roles: [.arbiter]), in: review) == .notAssignedArbiter)
        #expect(code(decide, by: F.asOwner, in: review) == .notAssignedArbiter)
        #expect(code(decide, by: .system, in: review) == .notAssignedArbiter)
        var unseated = review
        unseated.arbiter = nil
        #expect(code(decide, by: F.asArbiter, in: unseated) == .notAssignedArbiter)

        #expect(code(.withdraw, by: F.asSeller, in: F.record(in: .negotiation)) == .notClaimant)
        #expect(code(.deadlineMissed, by: F.asOwner, in: review, at: F.late) == .systemOnly)
        #expect(code(.decisionDelivered, by: F.asArbiter, in: F.record(in: .decided)) == .systemOnly)
        #expect(code(.executionConfirmed, by: F.asOwner, in: F.record(in: .executing)) == .systemOnly)
        #expect(code(.requestResponse, by: F.asArbiter, in: F.record(in: .opened)) == .ownerOnly)
        #expect(code(.requestResponse, by: F.asOwner, in: F.record(in: .opened)) == nil)
        #expect(code(.expire, by: F.asBuyer, in: F.record(in: .evidence)) == .ownerOnly)
        #expect(code(.assignArbiter(F.otherArbiter, roles: [.arbiter]), by: F.asArbiter, in: F.record(in: .appealed)) == .ownerOnly)

        #expect(code(.moveToEvidence, by: .requester(F.outsider), in: F.record(in: .negotiation)) == .wrongActor)
        #expect(code(.moveToEvidence, by: F.asArbiter, in: F.record(in: .negotiation)) == nil)
        #expect(code(.moveToEvidence, by: .system, in: F.record(in: .negotiation)) == nil)
        #expect(code(.provideInfo, by: .requester(F.outsider), in: F.record(in: .infoRequested)) == .wrongActor)
        #expect(code(.provideInfo, by: F.asArbiter, in: F.record(in: .infoRequested)) == nil)
        #expect(code(.submitForReview, by: F.asBuyer, in: F.record(in: .evidence)) == .wrongActor)
        #expect(code(.requestInfo(note: "x"), by: .staff(F.otherArbiter, roles: [.arbiter]), in: F.record(in: .evidence)) == .notAssignedArbiter)
        #expect(code(.requestInfo(note: "x"), by: F.asOwner, in: F.record(in: .evidence)) == nil)
        #expect(code(.recuse(reason: "x"), by: .staff(F.otherArbiter, roles: [.arbiter]), in: F.record(in: .evidence)) == .notAssignedArbiter)
    }

    // MARK: Appeals

    @Test func anAppealGoesToSomeoneElseAndItsRulingIsFinal() throws {
        let filed = try F.machine.apply(.appeal(reason: "tracking shows delivery"), by: F.asSeller, to: F.record(in: .appealWindow), at: F.now)
        #expect(filed.state == .appealed)
        #expect(filed.after.appealedBy == F.seller)
        #expect(filed.effects == [
            .drawArbiter(appeal: true, excluding: [F.arbiter]), .notify(.bothParties, .appealFiled(reason: "tracking shows delivery")),
            .scheduleDeadline(.appealed, due: ekb(4, "12:00")),
        ])
        var record = filed.after

        #expect(code(.assignArbiter(F.arbiter, roles: [.arbiter, .owner]), by: .system, in: record) == .appealReviewerIsFirstArbiter)
        #expect(code(.assignArbiter(F.agentStaff, roles: [.agent]), by: .system, in: record) == .assigneeNotEligible)
        let assigned = try F.machine.apply(.assignArbiter(F.owner, roles: [.owner]), by: F.asOwner, to: record, at: F.now)
        #expect(assigned.state == .underReview)
        #expect(assigned.after.appealArbiter == F.owner)
        #expect(assigned.after.arbiter == F.arbiter)
        #expect(assigned.effects.first == .notify(.staff(F.owner), .assigned(appeal: true)))
        record = assigned.after

        let decide = DisputeCommand.decide(.refundBuyer, reasons: "the tracking number is for another parcel")
        #expect(code(decide, by: F.asArbiter, in: record) == .notAssignedArbiter)
        #expect(code(.withdraw, by: F.asBuyer, in: record) == .afterDecision)
        #expect(code(.proposeSettlement(terms: "x"), by: F.asBuyer, in: record) == .afterDecision)
        let decided = try F.machine.apply(decide, by: F.asOwner, to: record, at: F.now)
        #expect(decided.after.decision == F.firstRuling)
        let final = try #require(decided.after.appealDecision)
        #expect(final.outcome == .refundBuyer)
        #expect(decided.effects.first == .notify(.bothParties, .decision(final, final: true)))
        record = decided.after
        #expect(code(.appeal(reason: "again"), by: F.asSeller, in: record) == .rulingIsFinal)

        // Final ruling: straight to execution, and 5000 > 1000 needs a second owner.
        let executing = try F.machine.apply(.decisionDelivered, by: .system, to: record, at: F.now)
        #expect(executing.state == .executing)
        #expect(executing.effects.contains(.requestPayoutApproval(amount: 5000, currency: "USDT")))
        #expect(!executing.effects.contains(.sendPayout(.refundBuyer, idempotencyKey: "dispute-11-payout")))
        record = executing.after
        #expect(code(.appeal(reason: "again"), by: F.asSeller, in: record) == .rulingIsFinal)
        #expect(code(.approvePayout, by: F.asOwner, in: record) == .approverDecided)
        let approved = try F.machine.apply(.approvePayout, by: .staff(F.secondOwner, roles: [.owner]), to: record, at: F.now)
        #expect(approved.after.payoutApprovedBy == F.secondOwner)
        #expect(approved.effects.first == .sendPayout(.refundBuyer, idempotencyKey: "dispute-11-payout"))
    }

    @Test func theAppealWindowClosesAtItsDeadline() {
        let window = F.record(in: .appealWindow)
        #expect(code(.appeal(reason: "x"), by: F.asSeller, in: window, at: F.due.addingTimeInterval(-1)) == nil)
        #expect(code(.appeal(reason: "x"), by: F.asSeller, in: window, at: F.due) == .appealWindowClosed)
    }

    @Test func aFinalNoRulingClosesTheDispute() throws {
        var record = F.record(in: .decided)
        record.appealedBy = F.seller
        record.appealArbiter = F.reviewer
        record.appealDecision = DisputeDecision(outcome: .noRuling, reasons: "cannot tell", decidedBy: F.reviewer, decidedAt: F.now)
        let step = try F.machine.apply(.decisionDelivered, by: .system, to: record, at: F.now)
        #expect(step.state == .closed)
    }

    // MARK: Payout

    @Test func aPayoutAboveTheThresholdWaitsForAnotherOwner() throws {
        var record = F.record(in: .executing)
        record.payoutApprovedBy = nil
        #expect(code(.executionConfirmed, by: .system, in: record) == .payoutApprovalPending)
        #expect(code(.executionFailed(reason: "x"), by: .system, in: record) == .payoutApprovalPending)
        #expect(code(.approvePayout, by: F.asArbiter, in: record) == .ownerOnly)
        #expect(code(.approvePayout, by: .staff(F.arbiter, roles: [.arbiter, .owner]), in: record) == .approverDecided)

        let overdue = try F.machine.apply(.deadlineMissed, by: .system, to: record, at: F.late)
        #expect(overdue.state == .executing)
        #expect(overdue.after.flagged)
        #expect(overdue.effects == [
            .flag(reason: "payout approval overdue"), .escalateToOwners(reason: "payout approval overdue"),
            .scheduleDeadline(.executing, due: ekb(10, "16:00")),
        ])
        #expect(code(.approvePayout, by: F.asOwner, in: F.record(in: .executing)) == .payoutApprovalNotNeeded, "already approved")
    }

    @Test func atOrBelowTheThresholdThePayoutGoesStraightOut() throws {
        var record = F.record(in: .appealWindow)
        record.deal.amount = 1000
        let step = try F.machine.apply(.deadlineMissed, by: .system, to: record, at: F.late)
        #expect(step.effects.contains(.sendPayout(.releaseToSeller, idempotencyKey: "dispute-11-payout")))
        #expect(code(.approvePayout, by: F.asOwner, in: step.after) == .payoutApprovalNotNeeded)
        #expect(DisputeMachine().needsPayoutApproval(F.record(in: .executing)) == false)
    }

    @Test func aFailedOrUnconfirmedPayoutIsRetriedWithTheSameKeyAndRaisesAnIncident() throws {
        let record = F.record(in: .executing)
        let failed = try F.machine.apply(.executionFailed(reason: "HTTP 502"), by: .system, to: record, at: F.now)
        #expect(failed.state == .executing)
        #expect(failed.effects == [
            .sendPayout(.releaseToSeller, idempotencyKey: "dispute-11-payout"),
            .raiseIncident(reason: "payout of dispute 11 failed: HTTP 502"),
            .scheduleDeadline(.executing, due: ekb(3, "16:00")),
        ])
        let silent = try F.machine.apply(.deadlineMissed, by: .system, to: record, at: F.late)
        #expect(silent.effects == [
            .sendPayout(.releaseToSeller, idempotencyKey: "dispute-11-payout"),
            .raiseIncident(reason: "payout of dispute 11 not confirmed in time"),
            .scheduleDeadline(.executing, due: ekb(10, "16:00")),
        ])
    }

    // MARK: Seats

    @Test func aRecusalFreesTheSeatAndAsksForARedrawWithoutThem() throws {
        let step = try F.machine.apply(.recuse(reason: "I know the seller"), by: F.asArbiter, to: F.record(in: .evidence), at: F.now)
        #expect(step.state == .evidence)
        #expect(step.after.arbiter == nil)
        #expect(step.after.recused == [F.arbiter])
        #expect(step.effects == [.drawArbiter(appeal: false, excluding: [F.arbiter]), .scheduleDeadline(.evidence, due: F.due)])
        #expect(code(.assignArbiter(F.arbiter, roles: [.arbiter]), by: .system, in: step.after) == .assigneeRecused)
        #expect(code(.assignArbiter(F.otherArbiter, roles: [.arbiter]), by: .system, in: step.after) == nil)
        #expect(code(.recuse(reason: " "), by: F.asArbiter, in: F.record(in: .evidence)) == .missingText)
    }

    @Test func theAppealReviewerCanRecuseToo() throws {
        var record = F.record(in: .underReview)
        record.settlement = nil
        record.decision = F.firstRuling
        record.appealedBy = F.seller
        record.appealArbiter = F.reviewer
        let step = try F.machine.apply(.recuse(reason: "conflict"), by: F.asReviewer, to: record, at: F.now)
        #expect(step.after.appealArbiter == nil)
        #expect(step.after.arbiter == F.arbiter)
        #expect(step.effects.first == .drawArbiter(appeal: true, excluding: [F.arbiter, F.reviewer]))
        #expect(code(.assignArbiter(F.otherArbiter, roles: [.arbiter]), by: .system, in: step.after) == nil)
    }

    @Test func aTakenSeatIsNotReassigned() {
        #expect(code(.assignArbiter(F.otherArbiter, roles: [.arbiter]), by: .system, in: F.record(in: .evidence)) == .seatTaken)
    }

    // MARK: Information requests

    @Test func anInformationRequestBanksTheEvidenceClock() throws {
        var record = F.record(in: .evidence)
        record.deadline = .due(ekb(10, "12:00"))
        // Friday 20:00 → Monday 12:00 leaves 2 h on Friday and 2 h on Monday.
        let paused = try F.machine.apply(.requestInfo(note: "the receipt"), by: F.asArbiter, to: record, at: ekb(7, "20:00"))
        #expect(paused.state == .infoRequested)
        #expect(paused.after.deadline == .paused(remaining: 4 * 3600))
        #expect(paused.effects == [.notify(.bothParties, .informationRequested(note: "the receipt")), .cancelDeadline])
        // Tuesday 21:00 + 4 h: 1 h on Tuesday, 3 h on Wednesday.
        let resumed = try F.machine.apply(.provideInfo, by: F.asSeller, to: paused.after, at: ekb(11, "21:00"))
        #expect(resumed.state == .evidence)
        #expect(resumed.after.deadline == .due(ekb(12, "13:00")))
        #expect(resumed.effects == [.notify(.staff(F.arbiter), .state(.evidence)), .scheduleDeadline(.evidence, due: ekb(12, "13:00"))])
    }

    // MARK: Settlement, decisions, deposit

    @Test func settlementNeedsTheOtherPartysAcceptance() throws {
        let record = F.record(in: .evidence)
        #expect(code(.acceptSettlement, by: F.asBuyer, in: record) == .ownSettlementProposal)
        #expect(code(.acceptSettlement, by: .requester(F.outsider), in: record) == .notAParty)
        var none = record
        none.settlement = nil
        #expect(code(.acceptSettlement, by: F.asSeller, in: none) == .noSettlementProposal)
        #expect(code(.proposeSettlement(terms: "\n"), by: F.asSeller, in: record) == .missingText)

        let offer = try F.machine.apply(.proposeSettlement(terms: "refund 40%"), by: F.asSeller, to: none, at: F.now)
        #expect(offer.after.settlement == SettlementProposal(proposedBy: F.seller, terms: "refund 40%", proposedAt: F.now))
        #expect(offer.effects.first == .notify(.party(F.buyer), .settlementProposed(terms: "refund 40%")))
        let settled = try F.machine.apply(.acceptSettlement, by: F.asBuyer, to: offer.after, at: F.now)
        #expect(settled.state == .settled)
        #expect(settled.effects == [.notify(.bothParties, .state(.settled)), .cancelDeadline])
    }

    @Test func decisionsNeedReasonsAndASensibleSplit() {
        let review = F.record(in: .underReview)
        #expect(code(.decide(.split(sellerPercent: 0), reasons: "x"), by: F.asArbiter, in: review) == .invalidSplit)
        #expect(code(.decide(.split(sellerPercent: 100), reasons: "x"), by: F.asArbiter, in: review) == .invalidSplit)
        #expect(code(.decide(.split(sellerPercent: 1), reasons: "x"), by: F.asArbiter, in: review) == nil)
        #expect(code(.decide(.split(sellerPercent: 99), reasons: "x"), by: F.asArbiter, in: review) == nil)
        #expect(code(.decide(.noRuling, reasons: "  "), by: F.asArbiter, in: review) == .missingText)
        #expect(code(.appeal(reason: ""), by: F.asSeller, in: F.record(in: .appealWindow)) == .missingText)
    }

    @Test func aDisputeOnADealWithoutItsDepositCannotStart() {
        var record = F.record(in: .opened)
        record.deal.depositRequired = true
        for status in [DepositStatus.pending, .notRequired] {
            record.deal.depositStatus = status
            #expect(code(.requestResponse, by: .system, in: record) == .depositNotConfirmed, "\(status)")
        }
        for status in [DepositStatus.held, .released, .refunded] {
            record.deal.depositStatus = status
            #expect(code(.requestResponse, by: .system, in: record) == nil, "\(status)")
        }
    }

    @Test func withdrawingAndExpiringEndTheDispute() throws {
        let withdrawn = try F.machine.apply(.withdraw, by: F.asBuyer, to: F.record(in: .opened), at: F.now)
        #expect(withdrawn.effects == [.notify(.bothParties, .state(.withdrawn))])
        let expired = try F.machine.apply(.expire, by: F.asOwner, to: F.record(in: .negotiation), at: F.now)
        #expect(expired.effects == [.notify(.bothParties, .state(.expired)), .cancelDeadline])
        #expect(expired.after.deadline == .none)
    }
}
