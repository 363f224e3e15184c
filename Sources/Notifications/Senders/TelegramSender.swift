import AsyncHTTPClient
import Foundation
import NIOCore
import TelegramBotAPI

/// `sendMessage` through the Bot API at the configured base URL.
struct TelegramSender: Sendable {
    let http: HTTPClient
    let configuration: NotificationsConfiguration

    func send(_ notification: NotificationRow) async -> DeliveryOutcome {
        guard let token = configuration.telegramToken else { return .undeliverable("TELEGRAM_BOT_TOKEN is not set") }
        guard let chat = notification.address.flatMap(Int64.init) else {
            return .undeliverable("address: not a telegram chat id: \(notification.address ?? "none")")
        }
        let message = SendMessageRequest(
            chatID: chat, text: notification.text,
            replyMarkup: Self.keyboard(notification.payload),
            replyToMessageID: notification.payload["in_reply_to"].flatMap { $0.split(separator: ":").last.flatMap { Int($0) } })
        do {
            var request = HTTPClientRequest(url: SendMessageRequest.url(baseURL: configuration.telegramBaseURL, token: token).absoluteString)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: try message.jsonBody()))
            let response = try await http.execute(request, timeout: .seconds(Int64(configuration.timeout.components.seconds)))
            let body = try await response.body.collect(upTo: 1 << 20)
            guard let decoded = try? TelegramJSON.decode(BotAPIResponse<Message>.self, from: Data(buffer: body)) else {
                let error = BotAPIError(errorCode: Int(response.status.code), description: "HTTP \(response.status.code), not a Bot API answer")
                return error.isRetryable ? .retry("telegram: \(error)") : .undeliverable("telegram: \(error)")
            }
            do throws(BotAPIError) {
                return .sent(providerID: String(try decoded.get().messageID))
            } catch {
                if let wait = error.retryAfter { return .later(TimeInterval(wait), "telegram asked to wait: \(error)") }
                return error.isRetryable ? .retry("telegram: \(error)") : .undeliverable("telegram: \(error)")
            }
        } catch {
            return .retry("telegram: \(error)")
        }
    }

    /// The buttons a notification asks for (`keyboard` in its payload): the FAQ bot's answer carries
    /// "this helped" / "call an operator" for its ticket, the rating request the scores 1–5.
    static func keyboard(_ payload: [String: String]) -> InlineKeyboardMarkup? {
        guard let ticket = payload["ticket_id"].flatMap({ Int64($0) }) else { return nil }
        if payload["keyboard"] == "csat_scores" { return .satisfactionScores(ticketID: ticket) }
        guard payload["keyboard"] == "helped_or_operator" else { return nil }
        return .helpedOrOperator(
            ticketID: ticket, helpedTitle: payload["helped_title"] ?? "This helped",
            operatorTitle: payload["operator_title"] ?? "Call an operator")
    }
}
