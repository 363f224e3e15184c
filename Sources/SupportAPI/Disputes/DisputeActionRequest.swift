import Foundation
import SupportDomain
import SupportSchema

/// `POST /api/v1/disputes/{id}/actions`: one command of the dispute state machine.
///
/// `action` names the command; the fields it needs: `terms` (propose_settlement), `note`
/// (request_info), `reasons` + `outcome` (+ `seller_percent` for split) (decide), `reason`
/// (recuse, appeal), `staff_id` (assign_arbiter).
struct DisputeActionRequest: Decodable, Sendable {
    var action: String
    var terms: String?
    var note: String?
    var reasons: String?
    var reason: String?
    var outcome: String?
    var sellerPercent: Int?
    var staffID: Int64?

    enum CodingKeys: String, CodingKey {
        case action, terms, note, reasons, reason, outcome
        case sellerPercent = "seller_percent", staffID = "staff_id"
    }

    /// The commands people may issue; the worker's own (deadlines, deliveries, payout answers) are not.
    static let accepted: [DisputeCommand.Kind] = [
        .respond, .proposeSettlement, .acceptSettlement, .moveToEvidence, .assignArbiter, .recuse, .requestInfo,
        .provideInfo, .submitForReview, .decide, .appeal, .approvePayout, .withdraw, .expire,
    ]

    var kind: DisputeCommand.Kind {
        get throws {
            guard let kind = DisputeCommand.Kind(rawValue: action), Self.accepted.contains(kind) else {
                throw APIError(.badRequest, code: "invalid_field",
                               message: "action: one of \(Self.accepted.map(\.rawValue).joined(separator: ", "))")
            }
            return kind
        }
    }

    /// The command, with `roles` of the staff member named by `staff_id` for an assignment.
    func command(assigneeRoles: Set<Role> = []) throws -> DisputeCommand {
        switch try kind {
        case .respond: return .respond
        case .proposeSettlement: return .proposeSettlement(terms: try text(terms, "terms"))
        case .acceptSettlement: return .acceptSettlement
        case .moveToEvidence: return .moveToEvidence
        case .assignArbiter:
            guard let staffID, staffID > 0 else { throw APIError(.badRequest, code: "missing_field", message: "staff_id: required") }
            return .assignArbiter(StaffID(staffID), roles: assigneeRoles)
        case .recuse: return .recuse(reason: try text(reason, "reason"))
        case .requestInfo: return .requestInfo(note: try text(note, "note"))
        case .provideInfo: return .provideInfo
        case .submitForReview: return .submitForReview
        case .decide: return .decide(try decisionOutcome(), reasons: try text(reasons, "reasons"))
        case .appeal: return .appeal(reason: try text(reason, "reason"))
        case .approvePayout: return .approvePayout
        case .withdraw: return .withdraw
        case .expire: return .expire
        case .requestResponse, .decisionDelivered, .executionFailed, .executionConfirmed, .deadlineMissed:
            throw APIError(.badRequest, code: "invalid_field", message: "action: \(action) is the worker's")
        }
    }

    private func decisionOutcome() throws -> DisputeDecision.Outcome {
        switch outcome {
        case "release_seller": return .releaseToSeller
        case "refund_buyer": return .refundBuyer
        case "no_ruling": return .noRuling
        case "split":
            guard let sellerPercent, (1...99).contains(sellerPercent) else {
                throw APIError(.badRequest, code: "invalid_field", message: "seller_percent: 1–99 for a split")
            }
            return .split(sellerPercent: sellerPercent)
        case nil: throw APIError(.badRequest, code: "missing_field", message: "outcome: required")
        default:
            throw APIError(.badRequest, code: "invalid_field", message: "outcome: release_seller, refund_buyer, split or no_ruling")
        }
    }

    private func text(_ value: String?, _ field: String) throws -> String {
        try PlainText.required(value, field, max: 10_000)
    }
}
