import Hummingbird
import Logging
import SupportDomain
import SupportSchema
import SupportStore

/// The API's single permission check: every endpoint that acts on the desk's data calls
/// ``authorize(_:_:ticket:target:)``, which asks `Authorization` (role × action table, then the
/// row rules) and, on a denial, writes an `access.denied` audit row and answers 403 (404 to the staff
/// member a complaint names, for whom it does not exist).
///
/// The denial's audit row commits on its own, so it survives the failed request.
struct Authorizer: Sendable {
    let database: Database

    /// The signed-in principal, or 401.
    func principal(_ context: APIRequestContext) throws -> Principal {
        guard let principal = context.principal else {
            throw BearerAuthenticator.unauthorized("unauthenticated", "sign in first: send `Authorization: Bearer <token>`")
        }
        return principal
    }

    /// Allows or throws 403 (after auditing the denial).
    func authorize(_ principal: Principal, _ action: StaffAction, ticket: TicketAccessFacts? = nil, target: AuditTarget, logger: Logger)
        async throws
    {
        var decision = Authorization.decide(principal, action: action, ticket: ticket)
        // Before any role check: for the staff member it names, a complaint does not exist at all.
        if let ticket, let staff = principal.staffID, ticket.namedStaffID == staff { decision = .denied(.namedInComplaint) }
        guard case .denied(let denial) = decision else { return }
        var after: [String: StoredJSON] = ["action": .string(action.rawValue), "reason": .string(denial.rawValue)]
        if let requester = principal.requesterID { after["requester_id"] = .int(requester.rawValue) }
        let entry = NewAuditEntry(
            actorStaffID: principal.staffID, actorRole: principal.auditRole.rawValue, action: "access.denied",
            targetType: target.type, targetID: target.id, after: after, reason: denial.message)
        _ = try await database.transaction { connection in
            try await AuditLog(connection: connection, logger: logger).append(entry)
        }
        logger.notice("access denied", metadata: ["action": "\(action.rawValue)", "reason": "\(denial.rawValue)"])
        if denial == .namedInComplaint {
            // A complaint does not exist for the staff member it names: the same 404 as a missing ticket.
            throw APIError(.notFound, code: "not_found", message: "no \(target.type) \(target.id.map(String.init) ?? "")")
        }
        throw APIError(.forbidden, code: denial.rawValue, message: denial.message)
    }

    /// The signed-in caller allowed `action` on the ticket named by the path's `{id}` (row rules
    /// included): 401, 400 for a bad id, 404 for no such ticket, 403 (audited) when denied.
    func authorizeTicket(_ context: APIRequestContext, _ action: StaffAction) async throws -> (Principal, TicketID) {
        let principal = try principal(context)
        guard let raw = context.parameters.get("id"), let id = TicketID(raw) else {
            throw APIError(.badRequest, code: "invalid_parameter", message: "id: a ticket id")
        }
        let logger = context.logger
        let facts = try await database.connection { connection in
            try await TicketReadStore(connection: connection, logger: logger).accessFacts(id)
        }
        guard let facts else { throw APIError(.notFound, code: "not_found", message: "no ticket \(id)") }
        try await authorize(principal, action, ticket: facts, target: .ticket(id.rawValue), logger: logger)
        return (principal, id)
    }

    /// The caller as staff, or an audited 403 `staff_only` (requesters hold `reply` on their own tickets,
    /// but desk tools are for staff).
    func staffOnly(_ principal: Principal, action: StaffAction, target: AuditTarget, logger: Logger) async throws -> StaffID {
        guard let staff = principal.staffID else {
            try await deny(principal, code: "staff_only", message: "this is for staff", action: action, target: target, logger: logger)
        }
        return staff
    }

    /// Refuses with 403 for a rule checked outside `Authorization` (e.g. only coders mark a fix),
    /// auditing it like any other denial.
    func deny(_ principal: Principal, code: String, message: String, action: StaffAction?, target: AuditTarget, logger: Logger)
        async throws -> Never
    {
        var after: [String: StoredJSON] = ["reason": .string(code)]
        if let action { after["action"] = .string(action.rawValue) }
        if let requester = principal.requesterID { after["requester_id"] = .int(requester.rawValue) }
        let entry = NewAuditEntry(
            actorStaffID: principal.staffID, actorRole: principal.auditRole.rawValue, action: "access.denied",
            targetType: target.type, targetID: target.id, after: after, reason: message)
        try await database.transaction { connection in
            try await AuditLog(connection: connection, logger: logger).append(entry)
        }
        throw APIError(.forbidden, code: code, message: message)
    }

    /// Whether a row may be shown, for filtering lists: the same decision, without auditing
    /// (leaving a row out of a list is not a refused request).
    func mayShow(_ principal: Principal, _ action: StaffAction, ticket: TicketAccessFacts) -> Bool {
        Authorization.decide(principal, action: action, ticket: ticket).isAllowed
    }
}
