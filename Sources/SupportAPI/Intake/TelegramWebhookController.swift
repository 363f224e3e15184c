import Foundation
import HTTPTypes
import Hummingbird
import SupportRuntime
import JobQueue
import SupportSchema
import SupportStore
import TelegramBotAPI

/// `POST /telegram/webhook`: Bot API updates in, stored raw with their `intake` job, answered at once.
///
/// Telegram re-delivers an update until it gets a 2xx, so a duplicate `update_id` is answered 200
/// without queueing anything again. Only the `update_id` is read here; the intake worker parses the rest.
struct TelegramWebhookController: Sendable {
    /// Nil disables the endpoint: without a secret anyone could post updates.
    let secret: String?
    let limits: InboundLimits
    let store: InboundStore

    func add(to router: Router<some RequestContext>) {
        router.post("telegram/webhook") { request, context in
            try await receive(request, context: context)
        }
    }

    static let secretHeader = HTTPField.Name(TelegramWebhookSecret.headerName)!

    private struct UpdateID: Decodable {
        let updateID: Int64
        enum CodingKeys: String, CodingKey { case updateID = "update_id" }
    }

    func receive(_ request: Request, context: some RequestContext) async throws -> Response {
        guard let secret else {
            throw APIError(.notFound, code: "webhook_disabled", message: "the Telegram webhook is not configured (set TELEGRAM_WEBHOOK_SECRET)")
        }
        let header = request.headers[Self.secretHeader]
        guard TelegramWebhookSecret.matches(header: header, expected: secret) else {
            throw APIError(.unauthorized, code: "bad_secret", message: "missing or wrong X-Telegram-Bot-Api-Secret-Token")
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limits.telegramBytes)
        } catch {
            throw APIError(.contentTooLarge, code: "too_large", message: "a Telegram update may be at most \(limits.telegramBytes) bytes")
        }
        let raw = Array(body.readableBytesView)
        let meta = ["remote": context.remoteAddressDescription]
        guard let update = try? JSONDecoder().decode(UpdateID.self, from: Data(raw)) else {
            let id = try await store.receiveUnreadable(
                NewInboundItem(channel: .telegram, dedupeKey: nil, raw: raw, contentType: "application/json", meta: meta),
                error: "not a Telegram update: expected a JSON object with a numeric update_id"
            )
            throw APIError(.badRequest, code: "malformed_update", message: "not a Telegram update: expected a JSON object with a numeric update_id (kept as inbound item \(id))")
        }
        let receipt = try await store.receive(
            NewInboundItem(channel: .telegram, dedupeKey: String(update.updateID), raw: raw, contentType: "application/json", meta: meta)
        )
        context.logger.info("telegram update received", metadata: [
            "inbound_item_id": "\(receipt.id)", "update_id": "\(update.updateID)", "duplicate": "\(!receipt.isNew)",
        ])
        return try JSONEncoder().encodeAsResponse(["ok": true])
    }
}
