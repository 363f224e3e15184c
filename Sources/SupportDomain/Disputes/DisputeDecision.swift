public import Foundation
public import SupportSchema

/// A ruling with its written reasons (`dispute.decision` / `dispute.appeal_decision`).
public struct DisputeDecision: Hashable, Sendable {
    /// What happens to the money held by the guarantor.
    public enum Outcome: Hashable, Sendable {
        case releaseToSeller
        case refundBuyer
        /// The seller receives `sellerPercent` (1–99), the buyer the rest.
        case split(sellerPercent: Int)
        /// The arbiter declines to rule; nothing is paid out by the desk.
        case noRuling

        /// The `outcome` value of the JSON column.
        public var rawName: String {
            switch self {
            case .releaseToSeller: "release_seller"
            case .refundBuyer: "refund_buyer"
            case .split: "split"
            case .noRuling: "no_ruling"
            }
        }

        /// Whether the guarantor bot has to move money.
        public var needsPayout: Bool { self != .noRuling }
    }

    public var outcome: Outcome
    public var reasons: String
    public var decidedBy: StaffID
    public var decidedAt: Date

    public init(outcome: Outcome, reasons: String, decidedBy: StaffID, decidedAt: Date) {
        self.outcome = outcome
        self.reasons = reasons
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }
}
