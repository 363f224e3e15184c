import Foundation
import Escalation
import Hummingbird
import JobQueue
import Logging
import SupportDomain
import SupportSchema
import SupportStore

/// Staff actions on a ticket: `POST /api/v1/tickets/{id}/messages` (a reply or an internal note, with
/// an optional status), `…/escalate` (up or down a line, with a reason) and `…/fixed` (L2 hands a bug
/// or incident back).
///
/// Each goes through the one authorizer (`reply`, `internal_note` or `escalate` on this ticket, so the
/// row rules apply: the staff member a complaint names gets 403), then changes the ticket and writes
/// the audit row in one transaction with the jobs it queues.
struct TicketActionController: Sendable {
    let database: Database
    let authorizer: Authorizer
    let queue: JobQueue
    /// For the rating link mailed when a reply resolves a ticket.
    var publicURL = "http://127.0.0.1:8080"

    var portal: PortalInbound { PortalInbound(database: database, store: InboundStore(queue: queue)) }

    static let bodyLimit = 64 << 10

    func add(to group: RouterGroup<APIRequestContext>) {
        group.post("tickets/{id}/escalate") { request, context in try await escalate(request, context: context) }
        group.post("tickets/{id}/fixed") { request, context in try await fixed(request, context: context) }
        group.post("tickets/{id}/messages") { request, context in try await message(request, context: context) }
        group.post("tickets/{id}/assign") { request, context in try await assign(request, context: context) }
    }

    /// A staff member with `reassign` hands the ticket to a named colleague.
    func assign(_ request: Request, context: APIRequestContext) async throws -> Response {
        let (principal, id) = try await authorized(context, .reassign)
        let body = try await JSONBody.decode(AssignRequest.self, from: request, limit: Self.bodyLimit)
        guard body.staffID > 0 else { throw APIError(.badRequest, code: "invalid_field", message: "staff_id: a staff id") }
        _ = try PlainText.optional(body.reason, "reason", max: Int.max)
        guard let actor = principal.staffID else { throw Self.forbidden }
        let logger = context.logger
        let target = StaffID(body.staffID)
        do {
            try await queue.transaction { connection, jobs in
                let previous = try await TicketReassignment(connection: connection, jobs: jobs, logger: logger)
                    .assign(id, to: target, by: actor, reason: body.reason)
                try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                    actorStaffID: actor, actorRole: principal.auditRole.rawValue, action: "ticket.reassign", targetType: "ticket",
                    targetID: id.rawValue, before: ["assignee_id": previous.map { .int($0.rawValue) } ?? .null],
                    after: ["assignee_id": .int(target.rawValue)], reason: body.reason))
            }
        } catch let refusal as TicketReassignment.Refusal {
            switch refusal {
            case .notFound: throw APIError(.notFound, code: "not_found", message: refusal.description)
            case .unknownStaff: throw APIError(.conflict, code: "unknown_staff", message: refusal.description)
            case .conflict: throw APIError(.conflict, code: "conflict_of_interest", message: refusal.description)
            }
        }
        return Response(status: .noContent)
    }

    func message(_ request: Request, context: APIRequestContext) async throws -> Response {
        let caller = try authorizer.principal(context)
        let body = try await JSONBody.decode(StaffMessageRequest.self, from: request, limit: Self.bodyLimit).validated()
        if let requester = caller.requesterID {
            return try await requesterMessage(request, body: body, requester: requester, context: context)
        }
        let (principal, id) = try await authorized(context, body.isInternal ? .internalNote : .reply)
        guard case .staff(let staff, _) = principal else { throw Self.forbidden }
        let saved = try await Self.saveStaffMessage(
            principal: principal, staff: staff, ticket: id, body: body, queue: queue, publicURL: publicURL, logger: context.logger)
        return try JSONBody.response(
            StaffMessageResult(id: saved.messageID.rawValue, ticketID: id.rawValue, status: saved.status.rawValue), status: .created)
    }

    /// A staff reply or note, its audit row and its effects in one transaction (the API and the console).
    static func saveStaffMessage(
        principal: Principal, staff: StaffID, ticket id: TicketID, body: (body: String, isInternal: Bool, status: TicketStatus?),
        queue: JobQueue, publicURL: String, logger: Logger
    ) async throws -> StaffReply.Saved {
        try await queue.transaction { connection, jobs in
            let reply = StaffReply(ticketID: id, staffID: staff, body: body.body, isInternal: body.isInternal, status: body.status, publicURL: publicURL)
            guard let saved = try await reply.save(on: connection, jobs: jobs, logger: logger) else {
                throw APIError(.notFound, code: "not_found", message: "no ticket \(id)")
            }
            try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                actorStaffID: staff, actorRole: principal.auditRole.rawValue,
                action: body.isInternal ? "ticket.note" : "ticket.reply", targetType: "ticket", targetID: id.rawValue,
                before: ["status": .string(saved.previousStatus.rawValue)],
                after: ["status": .string(saved.status.rawValue), "message_id": .int(saved.messageID.rawValue)]))
            return saved
        }
    }

    /// A requester's chat message on their own ticket: stored for intake, which threads it (and reopens a
    /// finished ticket within the reopen window).
    private func requesterMessage(
        _ request: Request, body: (body: String, isInternal: Bool, status: TicketStatus?), requester: RequesterID,
        context: APIRequestContext
    ) async throws -> Response {
        guard !body.isInternal, body.status == nil else {
            try await authorizer.deny(
                authorizer.principal(context), code: "staff_only", message: "internal notes and statuses are for staff", action: .internalNote,
                target: .ticket(nil), logger: context.logger)
        }
        let (_, id) = try await authorized(context, .viewTicket)
        let logger = context.logger
        let number = try await database.connection { connection in
            try await connection.query("SELECT number FROM ticket WHERE id = \(id.rawValue)", logger: logger).collect().first?.decode(Int64.self)
        }
        guard let number else { throw APIError(.notFound, code: "not_found", message: "no ticket \(id)") }
        let receipt = try await portal.receive(
            requester: requester, channel: .chat, body: body.body, subject: nil, category: nil, ticketNumber: number,
            idempotencyKey: request.headers[WebInboundController.idempotencyKey], remote: context.remoteAddressDescription,
            logger: logger)
        var response = try JSONEncoder().encodeAsResponse(InboundAccepted(inboundItemID: receipt.id.rawValue, duplicate: !receipt.isNew))
        response.status = .accepted
        return response
    }

    func escalate(_ request: Request, context: APIRequestContext) async throws -> Response {
        let (principal, id) = try await authorized(context)
        let (direction, reason) = try await JSONBody.decode(EscalateRequest.self, from: request, limit: Self.bodyLimit).validated()
        let moved = try await escalate(id, direction, reason: reason, principal: principal, logger: context.logger)
        return try JSONBody.response(EscalationResult(id: id.rawValue, line: moved.to.rawValue, previousLine: moved.from.rawValue))
    }

    /// Moves an authorized ticket a line up or down and audits it, in one transaction (the API and the console).
    func escalate(
        _ id: TicketID, _ direction: ManualEscalation, reason: String, principal: Principal, logger: Logger
    ) async throws -> (from: Line, to: Line) {
        guard case .staff(let staff, let roles) = principal else { throw Self.forbidden }
        return try await Self.mapped {
            try await queue.transaction { connection, jobs in
                let moved = try await ManualEscalator(queue: queue).move(
                    id, direction, reason: reason, by: staff, roles: roles, on: connection, jobs: jobs, logger: logger)
                try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                    actorStaffID: staff, actorRole: principal.auditRole.rawValue,
                    action: direction == .up ? "ticket.escalate" : "ticket.deescalate", targetType: "ticket",
                    targetID: id.rawValue, before: ["line": .string(moved.from.rawValue)],
                    after: ["line": .string(moved.to.rawValue)], reason: reason))
                return moved
            }
        }
    }

    func fixed(_ request: Request, context: APIRequestContext) async throws -> Response {
        let (principal, id) = try await authorized(context)
        let note = try await JSONBody.decode(FixedRequest.self, from: request, limit: Self.bodyLimit).validated()
        let told = try await Self.markFixed(principal: principal, ticket: id, note: note, authorizer: authorizer, queue: queue, logger: context.logger)
        return try JSONBody.response(FixedResult(id: id.rawValue, reportsTold: told.map(\.rawValue)))
    }

    /// Marks a bug or incident fixed (L2 coders and owners only, audited refusal otherwise), telling every
    /// linked requester, with the audit row in the same transaction (the API and the console).
    static func markFixed(
        principal: Principal, ticket id: TicketID, note: String, authorizer: Authorizer, queue: JobQueue, logger: Logger
    ) async throws -> [TicketID] {
        guard case .staff(let staff, let roles) = principal else { throw Self.forbidden }
        guard roles.contains(.coder) || roles.contains(.owner) else {
            try await authorizer.deny(
                principal, code: "not_l2", message: "only L2 coders (or owners) mark a bug or an incident fixed",
                action: .escalate, target: .ticket(id.rawValue), logger: logger)
        }
        return try await Self.mapped {
            try await queue.transaction { connection, jobs in
                let told = try await FixAnnouncer(queue: queue).markFixed(
                    id, note: note, by: staff, roles: roles, on: connection, jobs: jobs, logger: logger)
                try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                    actorStaffID: staff, actorRole: principal.auditRole.rawValue, action: "ticket.fixed",
                    targetType: "ticket", targetID: id.rawValue, before: nil,
                    after: ["reports_told": .array(told.map { .int($0.rawValue) })], reason: note))
                return told
            }
        }
    }

    /// The signed-in principal allowed to escalate this ticket, or 400/401/403/404.
    private func authorized(_ context: APIRequestContext, _ action: StaffAction = .escalate) async throws -> (Principal, TicketID) {
        try await authorizer.authorizeTicket(context, action)
    }

    static let forbidden = APIError(.forbidden, code: "staff_only", message: "only staff act on tickets")

    /// The module's refusals as API errors.
    static func mapped<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StaffActionError {
            switch error {
            case .forbidden(let why): throw APIError(.forbidden, code: "forbidden", message: why)
            case .notFound(let id): throw APIError(.notFound, code: "not_found", message: "no ticket \(id)")
            case .refused(let refusal): throw APIError(.conflict, code: "escalation_refused", message: refusal.description)
            case .notFixable(let why): throw APIError(.conflict, code: "not_fixable", message: why)
            }
        }
    }
}
