public import Foundation
public import SupportSchema

/// A deal as the guarantor bot registers it (`POST /api/v1/deals`), parties already resolved.
public struct NewDeal: Sendable, Hashable {
    public var externalRef: String
    public var buyer: RequesterID
    public var seller: RequesterID
    public var amount: Decimal
    public var currency: String
    public var terms: String
    public var chatID: String?
    public var depositRequired: Bool
    public var depositAmount: Decimal?

    public init(
        externalRef: String, buyer: RequesterID, seller: RequesterID, amount: Decimal, currency: String, terms: String = "",
        chatID: String? = nil, depositRequired: Bool = false, depositAmount: Decimal? = nil
    ) {
        self.externalRef = externalRef
        self.buyer = buyer
        self.seller = seller
        self.amount = amount
        self.currency = currency
        self.terms = terms
        self.chatID = chatID
        self.depositRequired = depositRequired
        self.depositAmount = depositAmount
    }
}
