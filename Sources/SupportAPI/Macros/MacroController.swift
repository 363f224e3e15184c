import Foundation
import Hummingbird
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// Canned replies and suggestions for staff: `GET/POST /api/v1/macros` (`reply`; personal, or a team's
/// for its members), `POST /api/v1/tickets/{id}/apply-macro` (`reply` on the ticket: the rendered text
/// goes out as a staff reply, with the macro's status and category) and `GET /api/v1/tickets/{id}/suggestions`
/// (`view_ticket`: knowledge-base articles and macros for the ticket). Requesters get an audited 403.
struct MacroController: Sendable {
    let database: Database
    let authorizer: Authorizer
    let queue: JobQueue
    /// For the rating link mailed when a reply resolves a ticket.
    var publicURL = "http://127.0.0.1:8080"

    static let bodyLimit = 64 << 10

    func add(to group: RouterGroup<APIRequestContext>) {
        group.get("macros") { _, context in try await list(context: context) }
        group.post("macros") { request, context in try await create(request, context: context) }
        group.post("tickets/{id}/apply-macro") { request, context in try await apply(request, context: context) }
        group.get("tickets/{id}/suggestions") { _, context in try await suggestions(context: context) }
    }

    /// Staff allowed `reply` (no ticket yet), else 401/403.
    private func staffCaller(_ context: APIRequestContext) async throws -> (Principal, StaffID) {
        let principal = try authorizer.principal(context)
        let target = AuditTarget(type: "macro", id: nil)
        let staff = try await authorizer.staffOnly(principal, action: .reply, target: target, logger: context.logger)
        try await authorizer.authorize(principal, .reply, target: target, logger: context.logger)
        return (principal, staff)
    }

    func list(context: APIRequestContext) async throws -> Response {
        let (_, staff) = try await staffCaller(context)
        let logger = context.logger
        let macros = try await database.connection { connection in
            try await MacroStore(connection: connection, logger: logger).usable(by: staff)
        }
        return try JSONBody.response(MacroPage(items: macros))
    }

    func create(_ request: Request, context: APIRequestContext) async throws -> Response {
        let (principal, staff) = try await staffCaller(context)
        let new = try await JSONBody.decode(MacroRequest.self, from: request, limit: Self.bodyLimit).validated()
        let logger = context.logger
        if let team = new.teamID {
            let member = try await database.connection { connection in
                try await MacroStore(connection: connection, logger: logger).isMember(staff, of: team)
            }
            if !member {
                try await authorizer.deny(
                    principal, code: "not_team_member", message: "only a team's members add its macros", action: .reply,
                    target: AuditTarget(type: "team", id: team.rawValue), logger: logger)
            }
        }
        let macro = try await database.transaction { connection in
            let macro = try await MacroStore(connection: connection, logger: logger).create(new, by: staff)
            try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                actorStaffID: staff, actorRole: principal.auditRole.rawValue, action: "macro.create", targetType: "macro",
                targetID: macro.id, after: macro.auditFields))
            return macro
        }
        return try JSONBody.response(macro, status: .created)
    }

    func apply(_ request: Request, context: APIRequestContext) async throws -> Response {
        let (principal, id) = try await authorizer.authorizeTicket(context, .reply)
        let body = try await JSONBody.decode(ApplyMacroRequest.self, from: request, limit: Self.bodyLimit)
        return try JSONBody.response(try await apply(macro: body.macroID, to: id, principal: principal, logger: context.logger), status: .created)
    }

    /// Sends the macro's text as a staff reply on an authorized ticket, with its status and category,
    /// audited in the same transaction (the API and the console).
    func apply(macro macroID: Int64, to id: TicketID, principal: Principal, logger: Logger) async throws -> AppliedMacro {
        let staff = try await authorizer.staffOnly(principal, action: .reply, target: .ticket(id.rawValue), logger: logger)
        guard macroID >= 1 else { throw KBArticleRequest.invalid("macro_id: a macro id") }
        let body = ApplyMacroRequest(macroID: macroID)
        return try await queue.transaction { connection, jobs in
            let store = MacroStore(connection: connection, logger: logger)
            guard let macro = try await store.macro(body.macroID, usableBy: staff) else {
                throw APIError(.notFound, code: "macro_not_found", message: "no macro \(body.macroID) of yours or your teams'")
            }
            guard let fields = try await store.fields(of: id) else { throw APIError(.notFound, code: "not_found", message: "no ticket \(id)") }
            let text = try MacroTemplate(macro.body).render([
                .requesterName: fields.requesterName, .ticketNumber: String(fields.ticketNumber),
                .expectedTime: fields.expectedBy.map(Self.format) ?? "",
            ])
            let reply = StaffReply(ticketID: id, staffID: staff, body: text, isInternal: false, status: macro.setStatus, publicURL: publicURL)
            guard let saved = try await reply.save(on: connection, jobs: jobs, logger: logger) else {
                throw APIError(.notFound, code: "not_found", message: "no ticket \(id)")
            }
            if let category = macro.setCategory { try await store.setCategory(category, on: id, by: staff, macro: macro.id) }
            try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                actorStaffID: staff, actorRole: principal.auditRole.rawValue, action: "ticket.macro", targetType: "ticket",
                targetID: id.rawValue, before: ["status": .string(saved.previousStatus.rawValue), "category": .optional(fields.category?.rawValue)],
                after: [
                    "status": .string(saved.status.rawValue), "category": .optional((macro.setCategory ?? fields.category)?.rawValue),
                    "message_id": .int(saved.messageID.rawValue), "macro_id": .int(macro.id),
                ]))
            return AppliedMacro(
                id: saved.messageID.rawValue, ticketID: id.rawValue, status: saved.status.rawValue,
                category: (macro.setCategory ?? fields.category)?.rawValue, body: text)
        }
    }

    func suggestions(context: APIRequestContext) async throws -> Response {
        let (principal, id) = try await authorizer.authorizeTicket(context, .viewTicket)
        return try JSONBody.response(try await suggestions(for: id, principal: principal, logger: context.logger))
    }

    /// Articles and macros for an authorized ticket (the API and the console).
    func suggestions(for id: TicketID, principal: Principal, logger: Logger) async throws -> TicketSuggestions {
        let staff = try await authorizer.staffOnly(principal, action: .viewTicket, target: .ticket(id.rawValue), logger: logger)
        return try await database.connection { connection in
            let rows = try await connection.query(
                """
                SELECT t.subject || E'\\n' || coalesce((SELECT body FROM message WHERE ticket_id = t.id AND author_kind = 'requester'
                                                         ORDER BY created_at, id LIMIT 1), ''), t.category
                FROM ticket t WHERE t.id = \(id.rawValue)
                """, logger: logger
            ).collect()
            guard let row = rows.first else { throw APIError(.notFound, code: "not_found", message: "no ticket \(id)") }
            let (text, categoryText) = try row.decode((String, String?).self)
            let category = categoryText.flatMap(SupportSchema.Category.init(rawValue:))
            let articles = try await KnowledgeStore(connection: connection, logger: logger)
                .search(text, reader: .staff, matching: .anyWord, limit: 3)
            let macros = try await MacroStore(connection: connection, logger: logger).usable(by: staff, category: category, limit: 5)
            return TicketSuggestions(articles: articles, macros: macros)
        }
    }

    /// `2026-11-23 14:00 UTC`: the expected time as a macro writes it.
    static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
