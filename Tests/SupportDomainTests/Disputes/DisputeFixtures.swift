import Foundation
import SupportDomain
import SupportSchema

/// A dispute between buyer 1 (claimant) and seller 2 (respondent) over a 5000 USDT deal, arbiter 50.
enum DisputeFixtures {
    static let buyer: RequesterID = 1
    static let seller: RequesterID = 2
    static let outsider: RequesterID = 3
    static let arbiter: StaffID = 50
    static let reviewer: StaffID = 60
    static let otherArbiter: StaffID = 70
    static let agentStaff: StaffID = 80
    static let owner: StaffID = 90
    static let secondOwner: StaffID = 91

    /// Monday 3 March 2025, 12:00 in Yekaterinburg.
    static let now = ekb(3, "12:00")
    /// Wednesday 5 March 12:00: the running deadline of every fixture.
    static let due = ekb(5, "12:00")
    /// Well past `due`, for deadline jobs.
    static let late = ekb(10, "12:00")

    /// Deals above 1000 need an owner's approval; the fixture deal is 5000.
    static let machine = DisputeMachine(payoutApprovalThreshold: 1000)

    static let deal = DealSnapshot(id: 7, buyer: buyer, seller: seller, amount: 5000, currency: "USDT")

    static let firstRuling = DisputeDecision(outcome: .releaseToSeller, reasons: "goods delivered", decidedBy: arbiter, decidedAt: ekb(3, "11:00"))

    static var asBuyer: DisputeActor { .requester(buyer) }
    static var asSeller: DisputeActor { .requester(seller) }
    static var asArbiter: DisputeActor { .staff(arbiter, roles: [.arbiter]) }
    static var asReviewer: DisputeActor { .staff(reviewer, roles: [.arbiter]) }
    static var asOwner: DisputeActor { .staff(owner, roles: [.owner]) }

    /// A consistent dispute in `state`: arbiter seated from `awaiting_response` on, a settlement offer by
    /// the buyer before review, a first ruling from `decided` on, an appeal by the seller in `appealed`,
    /// the payout approved in `executing`.
    static func record(in state: DisputeState) -> DisputeRecord {
        var record = DisputeRecord(id: 11, deal: deal, claimant: buyer, respondent: seller, state: state)
        record.generation = 4
        if state != .opened { record.arbiter = arbiter }
        record.deadline = state.hasDeadline ? .due(due) : (state == .infoRequested ? .paused(remaining: 3600) : .none)
        switch state {
        case .negotiation, .evidence, .infoRequested, .underReview:
            record.settlement = SettlementProposal(proposedBy: buyer, terms: "refund half", proposedAt: ekb(3, "10:30"))
        case .decided, .appealWindow, .executing, .closed:
            record.decision = firstRuling
        case .appealed:
            record.decision = firstRuling
            record.appealedBy = seller
        default:
            break
        }
        if state == .executing { record.payoutApprovedBy = owner }
        return record
    }

    /// A command of `kind` with the actor, record and instant under which it is accepted whenever
    /// its state is one the command accepts.
    static func sample(_ kind: DisputeCommand.Kind, in state: DisputeState) -> (DisputeCommand, DisputeActor, DisputeRecord, Date) {
        var record = record(in: state)
        switch kind {
        case .requestResponse: return (.requestResponse, .system, record, now)
        case .respond: return (.respond, asSeller, record, now)
        case .proposeSettlement: return (.proposeSettlement(terms: "refund 30%"), asSeller, record, now)
        case .acceptSettlement: return (.acceptSettlement, asSeller, record, now)
        case .moveToEvidence: return (.moveToEvidence, asBuyer, record, now)
        case .assignArbiter:
            if !record.isAppeal { record.arbiter = nil }
            return (.assignArbiter(otherArbiter, roles: [.arbiter]), .system, record, now)
        case .recuse: return (.recuse(reason: "I traded with the seller's brother"), asArbiter, record, now)
        case .requestInfo: return (.requestInfo(note: "send the payment receipt"), asArbiter, record, now)
        case .provideInfo: return (.provideInfo, asBuyer, record, now)
        case .submitForReview: return (.submitForReview, asArbiter, record, now)
        case .decide: return (.decide(.refundBuyer, reasons: "never shipped"), asArbiter, record, now)
        case .decisionDelivered: return (.decisionDelivered, .system, record, now)
        case .appeal: return (.appeal(reason: "the tracking number proves delivery"), asSeller, record, now)
        case .approvePayout:
            record.payoutApprovedBy = nil
            return (.approvePayout, asOwner, record, now)
        case .executionFailed: return (.executionFailed(reason: "HTTP 502"), .system, record, now)
        case .executionConfirmed: return (.executionConfirmed, .system, record, now)
        case .withdraw: return (.withdraw, asBuyer, record, now)
        case .deadlineMissed: return (.deadlineMissed, .system, record, late)
        case .expire: return (.expire, .system, record, now)
        }
    }
}

extension DisputeMachine {
    /// The refusal code of a command, or `nil` when accepted.
    func refusal(_ command: DisputeCommand, by actor: DisputeActor, to record: DisputeRecord, at now: Date)
        -> DisputeTransitionError.Code?
    {
        do {
            _ = try apply(command, by: actor, to: record, at: now)
            return nil
        } catch {
            return error.code
        }
    }
}
