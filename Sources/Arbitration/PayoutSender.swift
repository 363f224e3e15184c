import AsyncHTTPClient
import Foundation
import NIOCore
import SupportDomain
import SupportSchema

/// Sends one payout command to the guarantor bot. Every attempt for a dispute carries the same
/// `Idempotency-Key`, so the bot pays at most once however often we retry.
///
/// Body: `{"dispute_id", "deal_ref", "outcome", "seller_percent"?, "amount", "currency", "idempotency_key"}`.
/// A 2xx answer confirms the payout; anything else, or no answer, is a failure to retry.
struct PayoutSender: Sendable {
    let http: HTTPClient
    let configuration: ArbitrationConfiguration

    enum Result: Sendable, Equatable {
        case confirmed
        case failed(String)
    }

    func send(_ decision: DisputeDecision.Outcome, dispute: DisputeRecord, dealRef: String) async -> Result {
        guard let url = configuration.guarantorWebhook else { return .failed("no guarantor webhook configured (GUARANTOR_WEBHOOK_URL)") }
        var body: [String: Any] = [
            "dispute_id": dispute.id.rawValue, "deal_ref": dealRef, "outcome": decision.rawName,
            "amount": "\(dispute.deal.amount)", "currency": dispute.deal.currency, "idempotency_key": dispute.payoutIdempotencyKey,
        ]
        if case .split(let percent) = decision { body["seller_percent"] = percent }
        do {
            var request = HTTPClientRequest(url: url.absoluteString)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "Idempotency-Key", value: dispute.payoutIdempotencyKey)
            if let secret = configuration.guarantorSecret { request.headers.add(name: "X-Guarantor-Secret", value: secret) }
            request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])))
            let response = try await http.execute(request, timeout: .seconds(Int64(configuration.timeout.components.seconds)))
            let text = String(buffer: try await response.body.collect(upTo: 1 << 16))
            guard (200..<300).contains(response.status.code) else {
                return .failed("guarantor bot answered HTTP \(response.status.code): \(text.prefix(200))")
            }
            return .confirmed
        } catch {
            return .failed("guarantor bot unreachable: \(error)")
        }
    }
}
