import AsyncHTTPClient
import Foundation
import NIOCore

/// A Slack-compatible JSON webhook: `{"text": …}` plus the template and ticket number.
struct WebhookSender: Sendable {
    let http: HTTPClient
    let configuration: NotificationsConfiguration

    func send(_ notification: NotificationRow) async -> DeliveryOutcome {
        guard let address = notification.address, let url = URL(string: address), ["http", "https"].contains(url.scheme ?? "") else {
            return .undeliverable("address: not an http(s) URL: \(notification.address ?? "none")")
        }
        var body: [String: String] = ["text": notification.text, "template": notification.template]
        if let number = notification.ticketNumber { body["ticket_number"] = String(number) }
        do {
            var request = HTTPClientRequest(url: address)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "Idempotency-Key", value: notification.idempotencyKey)
            request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])))
            let response = try await http.execute(request, timeout: .seconds(Int64(configuration.timeout.components.seconds)))
            _ = try await response.body.collect(upTo: 1 << 16)
            switch response.status.code {
            case 200..<300: return .sent(providerID: nil)
            case 408, 429, 500...: return .retry("webhook: HTTP \(response.status.code)")
            default: return .undeliverable("webhook: HTTP \(response.status.code)")
            }
        } catch {
            return .retry("webhook: \(error)")
        }
    }
}
