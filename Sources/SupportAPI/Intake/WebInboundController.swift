import Foundation
import HTTPTypes
import Hummingbird
import SupportRuntime
import SupportSchema
import SupportStore

/// `POST /api/v1/inbound/web`: a request from the portal form or a guest, as JSON (see
/// ``WebRequestForm``). Validated for a clear 4xx, stored raw with its `intake` job, answered 202.
///
/// An `Idempotency-Key` header makes a retried submission store nothing twice.
struct WebInboundController: Sendable {
    let limits: InboundLimits
    let store: InboundStore

    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!

    func add(to router: Router<some RequestContext>) {
        router.post("api/v1/inbound/web") { request, context in
            try await receive(request, context: context)
        }
    }

    func receive(_ request: Request, context: some RequestContext) async throws -> Response {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limits.webBytes)
        } catch {
            throw APIError(.contentTooLarge, code: "too_large", message: "a request may be at most \(limits.webBytes) bytes")
        }
        let raw = Array(body.readableBytesView)
        _ = try WebRequestForm.validated(raw)
        let key = request.headers[Self.idempotencyKey].map { String($0.prefix(200)) }
        let receipt = try await store.receive(NewInboundItem(
            channel: .web, dedupeKey: key, raw: raw, contentType: "application/json",
            meta: ["remote": context.remoteAddressDescription]
        ))
        var response = try JSONEncoder().encodeAsResponse(InboundAccepted(inboundItemID: receipt.id.rawValue, duplicate: !receipt.isNew))
        response.status = .accepted
        return response
    }
}
