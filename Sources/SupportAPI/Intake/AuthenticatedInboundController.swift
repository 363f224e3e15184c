import Foundation
import HTTPTypes
import Hummingbird
import Logging
import SupportDomain
import SupportSchema
import SupportStore

/// Intake for signed-in callers, stored raw with its `intake` job like every channel, answered 202:
/// - `POST /api/v1/calls`: an agent logs a phone call on the caller's behalf (`reply`); intake counts it
///   as answered on the spot. `logged_by_staff_id` is the signed-in agent, whatever the body says.
/// - `POST /api/v1/inbound/api`: another service (the guarantor bot, with a staff API token) opens a
///   ticket for one of its users.
/// An `Idempotency-Key` header makes a retry store nothing twice. Both are audited.
struct AuthenticatedInboundController: Sendable {
    let database: Database
    let authorizer: Authorizer
    let store: InboundStore
    let limits: InboundLimits

    func add(to group: RouterGroup<APIRequestContext>) {
        group.post("calls") { request, context in
            try await receive(request, context: context, channel: .phone, action: .reply, keys: ["phone", "email", "external_id"])
        }
        group.post("inbound/api") { request, context in
            try await receive(request, context: context, channel: .api, action: .viewTicket, keys: ["email", "external_id"])
        }
    }

    func receive(
        _ request: Request, context: APIRequestContext, channel: SupportChannel, action: StaffAction, keys: [String]
    ) async throws -> Response {
        let principal = try authorizer.principal(context)
        guard let staff = principal.staffID else {
            try await authorizer.deny(
                principal, code: "staff_only", message: "requesters use the portal form", action: action,
                target: AuditTarget(type: "inbound_item", id: nil), logger: context.logger)
        }
        try await authorizer.authorize(principal, action, target: AuditTarget(type: "inbound_item", id: nil), logger: context.logger)
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limits.webBytes)
        } catch {
            throw APIError(.contentTooLarge, code: "too_large", message: "a request may be at most \(limits.webBytes) bytes")
        }
        let overrides: [String: Any] = channel == .phone ? ["logged_by_staff_id": staff.rawValue] : ["logged_by_staff_id": NSNull()]
        let raw = try StructuredInbound.raw(Array(body.readableBytesView), requireOneOf: keys, overrides: overrides)
        let key = request.headers[WebInboundController.idempotencyKey].map { "\(staff):" + String($0.prefix(200)) }
        let receipt = try await store.receive(NewInboundItem(
            channel: channel, dedupeKey: key, raw: raw, contentType: "application/json",
            meta: ["remote": context.remoteAddressDescription, "staff_id": String(staff.rawValue)]))
        if receipt.isNew {
            let logger = context.logger
            try await database.transaction { connection in
                try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                    actorStaffID: staff, actorRole: principal.auditRole.rawValue,
                    action: channel == .phone ? "inbound.call_logged" : "inbound.api", targetType: "inbound_item",
                    targetID: receipt.id.rawValue))
            }
        }
        var response = try JSONEncoder().encodeAsResponse(InboundAccepted(inboundItemID: receipt.id.rawValue, duplicate: !receipt.isNew))
        response.status = .accepted
        return response
    }
}
