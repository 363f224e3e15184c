import Hummingbird
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// Owners edit the classification rules (`manage_rules`): `GET/POST /api/v1/rules`,
/// `PATCH/DELETE /api/v1/rules/{id}`. Every change is audited with before and after, in the same
/// transaction; routing uses the new rules for the next ticket.
struct RuleController: Sendable {
    let database: Database
    let authorizer: Authorizer

    static let bodyLimit = 64 << 10

    func add(to group: RouterGroup<APIRequestContext>) {
        group.get("rules") { request, context in try await list(request, context: context) }
        group.post("rules") { request, context in try await create(request, context: context) }
        group.patch("rules/{id}") { request, context in try await update(request, context: context) }
        group.delete("rules/{id}") { _, context in try await delete(context: context) }
    }

    func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try await allowed(context, nil)
        let query = request.uri.queryParameters
        var category: SupportSchema.Category?
        if let raw = query["category"].map(String.init) {
            guard let value = SupportSchema.Category(rawValue: raw) else {
                throw APIError(.badRequest, code: "invalid_parameter", message: "category: not a category")
            }
            category = value
        }
        let after = try query["cursor"].map { raw -> Int64 in
            guard let value = Int64(raw), value >= 0 else { throw APIError(.badRequest, code: "invalid_parameter", message: "cursor: a rule id") }
            return value
        } ?? 0
        let limit = 100
        let logger = context.logger
        let wanted = category
        let rules = try await database.connection { connection in
            try await ClassificationRuleStore(connection: connection, logger: logger).list(category: wanted, after: after, limit: limit + 1)
        }
        let page = Array(rules.prefix(limit))
        return try JSONBody.response(RulePage(items: page, nextCursor: rules.count > limit ? page.last.map { String($0.id) } : nil))
    }

    func create(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try await allowed(context, nil)
        let change = try await JSONBody.decode(RuleRequest.self, from: request, limit: Self.bodyLimit).change(creating: true)
        let logger = context.logger
        let rule = try await Self.mapped {
            try await database.transaction { connection in
                let rule = try await ClassificationRuleStore(connection: connection, logger: logger).create(
                    pattern: change.pattern!, language: change.language!, category: change.category!,
                    priorityBoost: change.priorityBoost ?? 0, weight: change.weight ?? 1, channel: change.channel.flatMap { $0 },
                    by: principal.staffID)
                try await audit(principal, "rule.create", rule.id, before: nil, after: rule, on: connection, logger: logger)
                return rule
            }
        }
        return try JSONBody.response(rule, status: .created)
    }

    func update(_ request: Request, context: APIRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let principal = try await allowed(context, id)
        let change = try await JSONBody.decode(RuleRequest.self, from: request, limit: Self.bodyLimit).change(creating: false)
        let logger = context.logger
        let rule = try await Self.mapped {
            try await database.transaction { connection in
                let store = ClassificationRuleStore(connection: connection, logger: logger)
                guard let before = try await store.rule(id, forUpdate: true), let after = try await store.update(id, change) else {
                    throw APIError(.notFound, code: "not_found", message: "no rule \(id)")
                }
                try await audit(principal, "rule.update", id, before: before, after: after, on: connection, logger: logger)
                return after
            }
        }
        return try JSONBody.response(rule)
    }

    func delete(context: APIRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let principal = try await allowed(context, id)
        let logger = context.logger
        try await database.transaction { connection in
            guard let before = try await ClassificationRuleStore(connection: connection, logger: logger).delete(id) else {
                throw APIError(.notFound, code: "not_found", message: "no rule \(id)")
            }
            try await audit(principal, "rule.delete", id, before: before, after: nil, on: connection, logger: logger)
        }
        return Response(status: .noContent)
    }

    private func allowed(_ context: APIRequestContext, _ id: Int64?) async throws -> Principal {
        let principal = try authorizer.principal(context)
        try await authorizer.authorize(
            principal, .manageRules, target: AuditTarget(type: "classification_rule", id: id), logger: context.logger)
        return principal
    }

    private func audit(
        _ principal: Principal, _ action: String, _ id: Int64, before: ClassificationRuleRow?, after: ClassificationRuleRow?,
        on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
            actorStaffID: principal.staffID, actorRole: principal.auditRole.rawValue, action: action,
            targetType: "classification_rule", targetID: id, before: before?.auditFields, after: after?.auditFields))
    }

    static func id(_ context: APIRequestContext) throws -> Int64 {
        guard let raw = context.parameters.get("id"), let id = Int64(raw), id > 0 else {
            throw APIError(.badRequest, code: "invalid_parameter", message: "id: a rule id")
        }
        return id
    }

    static func mapped<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ClassificationRuleError {
            switch error {
            case .duplicate: throw APIError(.conflict, code: "rule_exists", message: error.description)
            // Well-formed, but the language's stop list leaves nothing to match: a conflict with the text
            // search configuration rather than a malformed field.
            case .onlyStopWords: throw APIError(.conflict, code: "pattern_matches_nothing", message: error.description)
            }
        }
    }
}
