import Foundation
import Hummingbird
import HTTPTypes
import SupportRuntime
import SupportSchema
import SupportStore

/// `POST /api/v1/inbound/email`: one raw RFC 5322 message (from `support mailgate` or any MTA hook),
/// stored with its `intake` job and answered 202 at once.
///
/// Authenticated by `Authorization: Bearer $SUPPORT_MAILGATE_TOKEN`. A re-sent message with the same
/// Message-ID is answered 202 again without queueing it twice.
struct EmailInboundController: Sendable {
    /// Nil disables the endpoint.
    let token: String?
    let limits: InboundLimits
    let store: InboundStore

    func add(to router: Router<some RequestContext>) {
        router.post("api/v1/inbound/email") { request, context in
            try await receive(request, context: context)
        }
    }

    func receive(_ request: Request, context: some RequestContext) async throws -> Response {
        guard let token else {
            throw APIError(.notFound, code: "mailgate_disabled", message: "inbound email is not configured (set SUPPORT_MAILGATE_TOKEN)")
        }
        let presented = request.headers[.authorization].flatMap { value in
            value.hasPrefix("Bearer ") ? String(value.dropFirst(7)) : nil
        }
        guard let presented, ConstantTime.equals(presented, token) else {
            throw APIError(.unauthorized, code: "bad_token", message: "missing or wrong Authorization: Bearer token")
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limits.emailBytes)
        } catch {
            throw APIError(.contentTooLarge, code: "too_large", message: "a message may be at most \(limits.emailBytes) bytes")
        }
        let raw = Array(body.readableBytesView)
        guard raw.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            throw APIError(.badRequest, code: "empty_message", message: "the request body must be one RFC 5322 message")
        }
        let receipt = try await store.receive(NewInboundItem(
            channel: .email, dedupeKey: MessageIDScanner.messageID(in: raw), raw: raw,
            contentType: "message/rfc822", meta: ["remote": context.remoteAddressDescription]
        ))
        context.logger.info("email received", metadata: ["inbound_item_id": "\(receipt.id)", "duplicate": "\(!receipt.isNew)"])
        var response = try JSONEncoder().encodeAsResponse(InboundAccepted(inboundItemID: receipt.id.rawValue, duplicate: !receipt.isNew))
        response.status = .accepted
        return response
    }
}

/// The answer of the intake endpoints.
struct InboundAccepted: Encodable {
    let inboundItemID: Int64
    let duplicate: Bool
    enum CodingKeys: String, CodingKey {
        case inboundItemID = "inbound_item_id"
        case duplicate
    }
}
