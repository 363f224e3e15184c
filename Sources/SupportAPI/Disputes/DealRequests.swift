import Foundation
import SupportSchema

/// `POST /api/v1/deals`: the guarantor bot registers a deal.
struct NewDealRequest: Decodable, Sendable {
    /// A party: an existing requester, or a Telegram user the desk may not know yet.
    struct Party: Decodable, Sendable {
        var requesterID: Int64?
        var telegramID: String?
        var name: String?
        enum CodingKeys: String, CodingKey {
            case name
            case requesterID = "requester_id", telegramID = "telegram_id"
        }
    }

    var externalRef: String
    var buyer: Party
    var seller: Party
    var amount: String
    var currency: String
    var terms: String?
    var chatID: String?
    var depositRequired: Bool?
    var depositAmount: String?

    enum CodingKeys: String, CodingKey {
        case buyer, seller, amount, currency, terms
        case externalRef = "external_ref", chatID = "chat_id", depositRequired = "deposit_required"
        case depositAmount = "deposit_amount"
    }

    /// Amounts are positive decimal strings with at most 12 integer and 8 fractional digits, as
    /// `numeric(20, 8)` stores them (the OpenAPI pattern says the same).
    static func amount(_ text: String, field: String) throws -> Decimal {
        guard text.wholeMatch(of: /([1-9][0-9]{0,11}(\.[0-9]{1,8})?|0\.[0-9]{0,7}[1-9])/) != nil, let value = Decimal(string: text) else {
            throw APIError(.badRequest, code: "invalid_field", message: "\(field): a positive decimal string such as \"150.25\"")
        }
        return value
    }

    func validated() throws -> Self {
        _ = try PlainText.required(externalRef, "external_ref", max: 200)
        guard currency.wholeMatch(of: /[A-Z0-9]{2,10}/) != nil else {
            throw APIError(.badRequest, code: "invalid_field", message: "currency: 2–10 capital letters or digits, e.g. USDT")
        }
        _ = try Self.amount(amount, field: "amount")
        if let depositAmount { _ = try Self.amount(depositAmount, field: "deposit_amount") }
        _ = try PlainText.optional(terms, "terms", max: 10_000)
        _ = try PlainText.optional(chatID, "chat_id", max: 200)
        for (party, field) in [(buyer, "buyer"), (seller, "seller")] {
            switch (party.requesterID, party.telegramID) {
            case (let id?, nil) where id > 0: break
            case (nil, let telegram?) where telegram.wholeMatch(of: /[0-9]{1,20}/) != nil: break
            default:
                throw APIError(.badRequest, code: "invalid_field", message: "\(field): give requester_id or a numeric telegram_id, not both")
            }
            _ = try PlainText.optional(party.name, "\(field).name", max: 200)
        }
        return self
    }
}

/// `POST /api/v1/deals/{id}/deposit`.
struct DepositRequest: Decodable, Sendable {
    var status: DepositStatus
}

/// `POST /api/v1/deals/{id}/disputes`: a party opens a dispute.
struct OpenDisputeRequest: Decodable, Sendable {
    var reason: String

    func validated() throws -> Self {
        _ = try PlainText.required(reason, "reason", max: 10_000)
        return self
    }
}
