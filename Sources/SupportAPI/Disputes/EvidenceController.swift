import Foundation
import Hummingbird
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// A dispute's evidence: `GET`/`POST /api/v1/disputes/{id}/evidence` and
/// `POST /api/v1/evidence/{id}/disclose`.
///
/// Each party sees its own items and those disclosed to both; the arbiter and owners see all
/// (``EvidenceVisibility``). Items are immutable; the arbiter or an owner may disclose one.
struct EvidenceController: Sendable {
    let database: Database
    let authorizer: Authorizer

    var access: DisputeAccess { DisputeAccess(database: database) }

    func add(to group: RouterGroup<APIRequestContext>) {
        group.get("disputes/{id}/evidence") { _, context in try await list(context: context) }
        group.post("disputes/{id}/evidence") { request, context in try await submit(request, context: context) }
        group.post("evidence/{id}/disclose") { _, context in try await disclose(context: context) }
    }

    struct Page: Encodable { var items: [EvidenceStore.Item] }

    func list(context: APIRequestContext) async throws -> Response {
        let principal = try authorizer.principal(context)
        let row = try await access.visible(context, principal: principal)
        let logger = context.logger
        let items = try await database.connection { try await EvidenceStore(connection: $0, logger: logger).list(row.record.id) }
        let shown = Set(EvidenceVisibility(record: row.record).visible(items.map(\.domain), to: Self.viewer(principal)).map(\.id.rawValue))
        return try JSONBody.response(Page(items: items.filter { shown.contains($0.id) }))
    }

    func submit(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try authorizer.principal(context)
        let logger = context.logger
        if principal.staffID != nil {
            let target = DisputeAccess.target(try DisputeAccess.disputeID(context))
            try await authorizer.authorize(principal, .decideDispute, target: target, logger: logger)
        }
        let row = try await access.visible(context, principal: principal)
        let body = try await JSONBody.decode(EvidenceRequest.self, from: request, limit: DealController.bodyLimit).validated()
        let record = row.record
        let party: EvidenceParty
        if let requester = principal.requesterID {
            guard let side = record.deal.side(of: requester) else {
                throw APIError(.conflict, code: "not_a_deal_party", message: "only the buyer and the seller submit evidence")
            }
            party = side
        } else {
            party = .staff
        }
        guard DisputeMachine.statesAcceptingEvidence.contains(record.state) else {
            throw APIError(.conflict, code: "wrong_state", message: "evidence is not accepted in \(record.state.rawValue)")
        }
        let item = try await database.transaction { connection in
            let item = try await EvidenceStore(connection: connection, logger: logger).submit(
                to: record.id, party: party, requester: principal.requesterID, staff: principal.staffID, body: body.body ?? "",
                files: body.files ?? [])
            try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                actorStaffID: principal.staffID, actorRole: principal.auditRole.rawValue, action: "dispute.evidence",
                targetType: "dispute", targetID: record.id.rawValue,
                after: ["evidence_id": .int(item.id), "party": .string(party.rawValue), "sha256": .string(item.contentSHA256),
                        "state": .string(record.state.rawValue)]))
            return item
        }
        return try JSONBody.response(item, status: .created)
    }

    func disclose(context: APIRequestContext) async throws -> Response {
        let principal = try authorizer.principal(context)
        guard let raw = context.parameters.get("id"), let evidence = EvidenceID(raw) else {
            throw APIError(.badRequest, code: "invalid_parameter", message: "id: an evidence id")
        }
        let logger = context.logger
        let target = AuditTarget(type: "dispute_evidence", id: evidence.rawValue)
        guard principal.staffID != nil else {
            try await authorizer.deny(principal, code: "arbiter_only", message: "the arbiter or an owner discloses evidence",
                                      action: .decideDispute, target: target, logger: logger)
        }
        try await authorizer.authorize(principal, .decideDispute, target: target, logger: logger)
        let notFound = APIError(.notFound, code: "not_found", message: "no evidence \(evidence)")
        try await database.transaction { connection in
            let rows = try await connection.query(
                "SELECT dispute_id FROM dispute_evidence WHERE id = \(evidence.rawValue)", logger: logger).collect()
            guard let disputeID = try rows.first.map({ DisputeID(try $0.decode(Int64.self)) }),
                let row = try await DisputeRow.load(disputeID, lock: true, on: connection, logger: logger),
                DisputeAccess.maySee(principal, row.record)
            else { throw notFound }
            _ = try await EvidenceStore(connection: connection, logger: logger).disclose(evidence, of: disputeID)
            try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                actorStaffID: principal.staffID, actorRole: principal.auditRole.rawValue, action: "dispute.disclose",
                targetType: "dispute", targetID: disputeID.rawValue, after: ["evidence_id": .int(evidence.rawValue)]))
        }
        return Response(status: .noContent)
    }

    static func viewer(_ principal: Principal) -> EvidenceViewer {
        switch principal {
        case .requester(let id): .requester(id)
        case .staff(let id, let roles): .staff(id, roles: roles)
        }
    }
}
