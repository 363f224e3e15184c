import Hummingbird
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// The knowledge base: anyone searches and reads what they may (guests and requesters: published
/// public articles; staff: staff-only ones too; `manage_kb`: drafts and archived as well);
/// editors (`manage_kb`) create and change articles, audited in the same transaction.
struct KBController: Sendable {
    let database: Database
    let authorizer: Authorizer

    static let bodyLimit = 256 << 10
    static let maximumQuery = 200

    func add(to group: RouterGroup<APIRequestContext>) {
        group.get("kb/search") { request, context in try await search(request, context: context) }
        group.get("kb/articles/{id}") { _, context in try await article(context: context) }
        group.post("kb/articles") { request, context in try await create(request, context: context) }
        group.patch("kb/articles/{id}") { request, context in try await update(request, context: context) }
    }

    /// What the caller may read.
    static func reader(_ principal: Principal?) -> KBReader {
        guard let principal, principal.staffID != nil else { return .requester }
        return Authorization.decide(principal, action: .manageKB).isAllowed ? .editor : .staff
    }

    func search(_ request: Request, context: APIRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        guard let text = query["q"].map(String.init) else {
            throw APIError(.badRequest, code: "missing_parameter", message: "q: required")
        }
        guard (1...Self.maximumQuery).contains(text.unicodeScalars.count), !text.unicodeScalars.contains("\u{0}") else {
            throw APIError(.badRequest, code: "invalid_parameter", message: "q: 1 to \(Self.maximumQuery) characters, no NUL")
        }
        var locale: ContentLocale?
        if let raw = query["locale"].map(String.init) {
            guard let value = ContentLocale(rawValue: raw) else {
                throw APIError(.badRequest, code: "invalid_parameter", message: "locale: ru or en")
            }
            locale = value
        }
        let reader = Self.reader(context.principal)
        let logger = context.logger
        let wanted = locale
        let hits = try await database.connection { connection in
            try await KnowledgeStore(connection: connection, logger: logger).search(text, locale: wanted, reader: reader)
        }
        return try JSONBody.response(KBSearchPage(items: hits))
    }

    func article(context: APIRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let reader = Self.reader(context.principal)
        let logger = context.logger
        guard let article = try await database.connection({ connection in
            try await KnowledgeStore(connection: connection, logger: logger).article(id, reader: reader)
        }) else { throw Self.notFound(id) }
        return try JSONBody.response(article)
    }

    func create(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try await allowed(context, nil)
        let draft = try await JSONBody.decode(KBArticleRequest.self, from: request, limit: Self.bodyLimit).draft()
        let logger = context.logger
        let article = try await Self.mapped {
            try await database.transaction { connection in
                let article = try await KnowledgeStore(connection: connection, logger: logger).create(draft, by: principal.staffID)
                try await audit(principal, "kb.create", article.id, before: nil, after: article, on: connection, logger: logger)
                return article
            }
        }
        return try JSONBody.response(article, status: .created)
    }

    func update(_ request: Request, context: APIRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let principal = try await allowed(context, id)
        // Slug and locale name the article and are not part of a change (a translation is a new article).
        let change = try await JSONBody.decode(KBArticleRequest.self, from: request, limit: Self.bodyLimit).change()
        let logger = context.logger
        let article = try await database.transaction { connection in
            let store = KnowledgeStore(connection: connection, logger: logger)
            guard let before = try await store.article(id, reader: .editor, forUpdate: true), let after = try await store.update(id, change)
            else { throw Self.notFound(id) }
            try await audit(principal, "kb.update", id, before: before, after: after, on: connection, logger: logger)
            return after
        }
        return try JSONBody.response(article)
    }

    private func allowed(_ context: APIRequestContext, _ id: ArticleID?) async throws -> Principal {
        let principal = try authorizer.principal(context)
        try await authorizer.authorize(principal, .manageKB, target: AuditTarget(type: "kb_article", id: id?.rawValue), logger: context.logger)
        return principal
    }

    private func audit(
        _ principal: Principal, _ action: String, _ id: ArticleID, before: KBArticle?, after: KBArticle?,
        on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
            actorStaffID: principal.staffID, actorRole: principal.auditRole.rawValue, action: action,
            targetType: "kb_article", targetID: id.rawValue, before: before?.auditFields, after: after?.auditFields))
    }

    static func notFound(_ id: ArticleID) -> APIError { APIError(.notFound, code: "not_found", message: "no article \(id)") }

    static func id(_ context: APIRequestContext) throws -> ArticleID {
        guard let raw = context.parameters.get("id"), let id = ArticleID(raw), id.rawValue > 0 else {
            throw APIError(.badRequest, code: "invalid_parameter", message: "id: an article id")
        }
        return id
    }

    static func mapped<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as KBArticleError {
            throw APIError(.conflict, code: "slug_taken", message: error.description)
        }
    }
}
