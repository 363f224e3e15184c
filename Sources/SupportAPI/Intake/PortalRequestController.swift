import Foundation
import Hummingbird
import SupportSchema
import SupportStore

/// `POST /api/v1/portal/requests`: a signed-in requester submits a new request from the portal
/// (`{"subject", "body", "category"}`); answered 202 like every intake path.
struct PortalRequestController: Sendable {
    let authorizer: Authorizer
    let portal: PortalInbound

    struct PortalRequest: Decodable {
        var subject: String?
        var body: String
        var category: String?
    }

    func add(to group: RouterGroup<APIRequestContext>) {
        group.post("portal/requests") { request, context in try await submit(request, context: context) }
    }

    func submit(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try authorizer.principal(context)
        guard let requester = principal.requesterID else {
            try await authorizer.deny(
                principal, code: "requesters_only", message: "staff log calls or use the intake channels", action: nil,
                target: AuditTarget(type: "inbound_item", id: nil), logger: context.logger)
        }
        let form = try await JSONBody.decode(PortalRequest.self, from: request, limit: 256 << 10)
        guard form.body.unicodeScalars.contains(where: { !$0.properties.isWhitespace }), form.body.unicodeScalars.count <= 20_000 else {
            throw APIError(.badRequest, code: "invalid_field", message: "body: 1 to 20000 characters, not blank")
        }
        if let subject = form.subject, subject.unicodeScalars.count > 300 {
            throw APIError(.badRequest, code: "invalid_field", message: "subject: at most 300 characters")
        }
        if let category = form.category, Category(rawValue: category) == nil {
            throw APIError(.badRequest, code: "invalid_field", message: "category: one of \(Category.rawValues.joined(separator: ", "))")
        }
        let receipt = try await portal.receive(
            requester: requester, channel: .web, body: form.body, subject: form.subject, category: form.category,
            ticketNumber: nil, idempotencyKey: request.headers[WebInboundController.idempotencyKey],
            remote: context.remoteAddressDescription, logger: context.logger)
        var response = try JSONEncoder().encodeAsResponse(InboundAccepted(inboundItemID: receipt.id.rawValue, duplicate: !receipt.isNew))
        response.status = .accepted
        return response
    }
}
