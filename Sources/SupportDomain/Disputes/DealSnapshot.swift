public import Foundation
public import SupportSchema

/// The deal behind a dispute, as far as the dispute rules need it (columns of `deal`).
///
/// Buyer and seller come from the deal, not the dispute, because evidence is filed per side
/// (``EvidenceParty``) while the dispute itself only knows who opened it.
public struct DealSnapshot: Hashable, Sendable {
    public var id: DealID
    public var buyer: RequesterID
    public var seller: RequesterID
    /// `deal.amount`; compared with the payout approval threshold.
    public var amount: Decimal
    public var currency: String
    public var depositRequired: Bool
    public var depositStatus: DepositStatus
    public var status: DealStatus

    public init(
        id: DealID, buyer: RequesterID, seller: RequesterID, amount: Decimal, currency: String,
        depositRequired: Bool = false, depositStatus: DepositStatus = .notRequired, status: DealStatus = .active
    ) {
        self.id = id
        self.buyer = buyer
        self.seller = seller
        self.amount = amount
        self.currency = currency
        self.depositRequired = depositRequired
        self.depositStatus = depositStatus
        self.status = status
    }

    /// Both sides of the deal.
    public var parties: Set<RequesterID> { [buyer, seller] }

    /// The side `requester` is on, if they are a party.
    public func side(of requester: RequesterID) -> EvidenceParty? {
        if requester == buyer { return .buyer }
        if requester == seller { return .seller }
        return nil
    }
}
