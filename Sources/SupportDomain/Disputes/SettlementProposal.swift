public import Foundation
public import SupportSchema

/// Terms one party offered; the dispute settles when the other party accepts them.
public struct SettlementProposal: Hashable, Sendable {
    public var proposedBy: RequesterID
    public var terms: String
    public var proposedAt: Date

    public init(proposedBy: RequesterID, terms: String, proposedAt: Date) {
        self.proposedBy = proposedBy
        self.terms = terms
        self.proposedAt = proposedAt
    }
}
