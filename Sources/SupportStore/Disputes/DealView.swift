public import Foundation
import PostgresNIO
public import SupportDomain
public import SupportSchema

/// A deal as the API shows it. Amounts are decimal strings, never floats.
public struct DealView: Sendable, Hashable, Encodable {
    public var id: Int64
    public var externalRef: String
    public var buyerID: Int64
    public var sellerID: Int64
    public var amount: String
    public var currency: String
    public var terms: String
    public var chatID: String?
    public var depositRequired: Bool
    public var depositAmount: String?
    public var depositStatus: String
    public var status: String
    public var startedAt: Date?
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, amount, currency, terms, status
        case externalRef = "external_ref", buyerID = "buyer_id", sellerID = "seller_id", chatID = "chat_id"
        case depositRequired = "deposit_required", depositAmount = "deposit_amount", depositStatus = "deposit_status"
        case startedAt = "started_at", createdAt = "created_at"
    }

    static let columns = """
        id, external_ref, buyer_id, seller_id, trim_scale(amount)::text, currency, terms, chat_id, deposit_required,
        trim_scale(deposit_amount)::text, deposit_status, status, started_at, created_at
        """

    init(_ row: PostgresRow) throws {
        (id, externalRef, buyerID, sellerID, amount, currency, terms, chatID, depositRequired, depositAmount, depositStatus,
         status, startedAt, createdAt) = try row.decode(
            (Int64, String, Int64, Int64, String, String, String, String?, Bool, String?, String, String, Date?, Date).self)
    }

    public var parties: Set<RequesterID> { [RequesterID(buyerID), RequesterID(sellerID)] }
}

extension DealView {
    /// The deal in the dispute rules' terms.
    public var snapshot: DealSnapshot {
        DealSnapshot(
            id: DealID(id), buyer: RequesterID(buyerID), seller: RequesterID(sellerID), amount: Decimal(string: amount) ?? 0,
            currency: currency, depositRequired: depositRequired,
            depositStatus: DepositStatus(rawValue: depositStatus) ?? .pending, status: DealStatus(rawValue: status) ?? .registered)
    }
}
