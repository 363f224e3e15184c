public import Foundation
public import SupportSchema

/// The words of a dispute notification, for the parties and for staff.
///
/// ```swift
/// DisputeNoticeText.render(.state(.negotiation), dispute: 7, deal: "G-42")
/// // "Dispute #7 (deal G-42): the respondent answered; you can now negotiate a settlement."
/// ```
public enum DisputeNoticeText {
    public static func render(_ notice: DisputeNotice, dispute: DisputeID, deal: String) -> String {
        let head = "Dispute #\(dispute) (deal \(deal))"
        switch notice {
        case .state(let state): return "\(head): \(sentence(for: state))"
        case .settlementProposed(let terms): return "\(head): the other party proposes a settlement: \(terms)"
        case .informationRequested(let note): return "\(head): the arbiter asks for more information: \(note)"
        case .decision(let decision, let final):
            let kind = final ? "Final ruling on appeal" : "Ruling"
            let tail = final ? "" : " Either party may appeal within the appeal window."
            return "\(head): \(kind): \(outcome(decision.outcome)). Reasons: \(decision.reasons)\(tail)"
        case .appealFiled(let reason): return "\(head): the ruling was appealed: \(reason)"
        case .assigned(let appeal):
            return appeal ? "\(head): you are the reviewer of the appeal." : "\(head): you are the arbiter of this dispute."
        }
    }

    public static func outcome(_ outcome: DisputeDecision.Outcome) -> String {
        switch outcome {
        case .releaseToSeller: "the money is released to the seller"
        case .refundBuyer: "the money is refunded to the buyer"
        case .split(let percent): "the money is split: \(percent)% to the seller, \(100 - percent)% to the buyer"
        case .noRuling: "no ruling; the guarantor pays nothing out on the desk's behalf"
        }
    }

    static func sentence(for state: DisputeState) -> String {
        switch state {
        case .opened: "the dispute was opened."
        case .awaitingResponse: "a dispute was opened against you. Please respond."
        case .negotiation: "the respondent answered; you can now negotiate a settlement."
        case .evidence: "please submit your evidence."
        case .infoRequested: "more information is requested."
        case .underReview: "the arbiter is reviewing the case."
        case .decided: "a ruling was made."
        case .appealWindow: "the appeal window is open."
        case .appealed: "the ruling was appealed."
        case .executing: "the ruling is being carried out by the guarantor."
        case .closed: "the dispute is closed."
        case .settled: "the parties settled."
        case .withdrawn: "the claimant withdrew the dispute."
        case .expired: "the dispute expired: nobody pursued it."
        }
    }
}
