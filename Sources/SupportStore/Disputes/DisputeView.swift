public import Foundation
public import SupportDomain
public import SupportSchema

/// A dispute as the API shows it to its parties, its arbiters and owners.
public struct DisputeView: Sendable, Encodable {
    public struct Decision: Sendable, Encodable {
        var outcome: String
        var sellerPercent: Int?
        var reasons: String
        var decidedBy: Int64
        var decidedAt: Date

        enum CodingKeys: String, CodingKey {
            case outcome, reasons
            case sellerPercent = "seller_percent", decidedBy = "decided_by", decidedAt = "decided_at"
        }

        init(_ decision: DisputeDecision) {
            outcome = decision.outcome.rawName
            if case .split(let percent) = decision.outcome { sellerPercent = percent }
            reasons = decision.reasons
            decidedBy = decision.decidedBy.rawValue
            decidedAt = decision.decidedAt
        }
    }

    public struct Settlement: Sendable, Encodable {
        var proposedBy: Int64
        var terms: String
        var proposedAt: Date
        enum CodingKeys: String, CodingKey {
            case terms
            case proposedBy = "proposed_by", proposedAt = "proposed_at"
        }
    }

    var id: Int64
    var dealID: Int64
    var dealRef: String
    var ticketID: Int64?
    var state: String
    var claimantID: Int64
    var respondentID: Int64
    var reason: String
    var arbiterID: Int64?
    var appealArbiterID: Int64?
    var deadlineAt: Date?
    var deadlinePaused: Bool
    var flagged: Bool
    var flagReason: String?
    var settlement: Settlement?
    var decision: Decision?
    var appealedBy: Int64?
    var appealDecision: Decision?
    var payoutApprovedBy: Int64?
    var executionAttempts: Int
    var generation: Int64
    /// Commands the dispute's state accepts (who may issue them is checked per request).
    var accepts: [String]

    enum CodingKeys: String, CodingKey {
        case id, state, reason, flagged, settlement, decision, generation, accepts
        case dealID = "deal_id", dealRef = "deal_ref", ticketID = "ticket_id", claimantID = "claimant_id"
        case respondentID = "respondent_id", arbiterID = "arbiter_id", appealArbiterID = "appeal_arbiter_id"
        case deadlineAt = "deadline_at", deadlinePaused = "deadline_paused", flagReason = "flag_reason"
        case appealedBy = "appealed_by", appealDecision = "appeal_decision", payoutApprovedBy = "payout_approved_by"
        case executionAttempts = "execution_attempts"
    }

    public init(_ row: DisputeRow) {
        let record = row.record
        id = record.id.rawValue
        dealID = record.deal.id.rawValue
        dealRef = row.dealRef
        ticketID = row.ticketID?.rawValue
        state = record.state.rawValue
        claimantID = record.claimant.rawValue
        respondentID = record.respondent.rawValue
        reason = row.reason
        arbiterID = record.arbiter?.rawValue
        appealArbiterID = record.appealArbiter?.rawValue
        deadlineAt = record.deadline.dueAt
        if case .paused = record.deadline { deadlinePaused = true } else { deadlinePaused = false }
        flagged = record.flagged
        flagReason = row.flagReason
        settlement = record.settlement.map { Settlement(proposedBy: $0.proposedBy.rawValue, terms: $0.terms, proposedAt: $0.proposedAt) }
        decision = record.decision.map(Decision.init)
        appealedBy = record.appealedBy?.rawValue
        appealDecision = record.appealDecision.map(Decision.init)
        payoutApprovedBy = record.payoutApprovedBy?.rawValue
        executionAttempts = row.executionAttempts
        generation = record.generation
        accepts = DisputeCommand.Kind.allCases.filter { DisputeMachine.states(accepting: $0).contains(record.state) }.map(\.rawValue)
    }
}
