public import Logging
public import PostgresNIO
public import SupportDomain
public import SupportSchema
public import SupportStore

/// Drafts an answer to a ticket from the top knowledge-base articles through the LLM.
///
/// Loading (``material(for:reader:kbBaseURL:on:logger:)``) and the model call are separate so that no
/// database transaction or connection is held while the model thinks.
///
/// ```swift
/// let material = try await database.connection { try await AnswerDrafter.material(for: id, reader: .staff, on: $0, logger: logger) }
/// let draft = try await AnswerDrafter(client: client).draft(material!, audience: .agent)
/// ```
public struct AnswerDrafter: Sendable {
    public let client: ChatCompletionsClient

    public init(client: ChatCompletionsClient) {
        self.client = client
    }

    /// What a draft for one ticket is made from.
    public struct Material: Sendable, Hashable {
        public var question: String
        public var locale: String
        public var articleIDs: [ArticleID]
        public var sources: [AnswerDraftPrompt.Source]
    }

    /// Articles a draft may quote.
    public static let articleLimit = 3

    /// The ticket's subject and first requester message, the requester's language, and the best articles
    /// `reader` may see (public ones for a bot answer); nil for no such ticket.
    public static func material(
        for ticket: TicketID, reader: KBReader, kbBaseURL: String? = nil, on connection: PostgresConnection, logger: Logger
    ) async throws -> Material? {
        let rows = try await connection.query(
            """
            SELECT t.subject || E'\\n' || coalesce((SELECT body FROM message WHERE ticket_id = t.id AND author_kind = 'requester'
                                                     AND NOT is_internal ORDER BY created_at, id LIMIT 1), ''),
                   coalesce(r.locale, 'ru')
            FROM ticket t LEFT JOIN requester r ON r.id = t.requester_id WHERE t.id = \(ticket.rawValue)
            """, logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        let (question, locale) = try row.decode((String, String).self)
        let kb = KnowledgeStore(connection: connection, logger: logger)
        var ids: [ArticleID] = []
        var sources: [AnswerDraftPrompt.Source] = []
        for hit in try await kb.search(question, reader: reader, matching: .anyWord, limit: articleLimit) {
            guard let article = try await kb.article(hit.id, reader: reader) else { continue }
            ids.append(article.id)
            let link = kbBaseURL.map { "\($0)/\(article.locale.rawValue)/\(article.slug)" }
            sources.append(AnswerDraftPrompt.Source(title: article.title, body: article.body, link: link))
        }
        return Material(question: question, locale: locale, articleIDs: ids, sources: sources)
    }

    /// - Throws: ``LLMError`` when the model gives nothing usable; callers fall back to the articles.
    public func draft(_ material: Material, audience: AnswerDraftPrompt.Audience) async throws(LLMError) -> AnswerDraft {
        let prompt = AnswerDraftPrompt(audience: audience, locale: material.locale)
        let reply = try await client.complete(prompt.messages(question: material.question, sources: material.sources))
        guard let text = AnswerDraftPrompt.accept(reply) else { throw LLMError(message: "the LLM returned an empty draft") }
        return AnswerDraft(text: text, articleIDs: material.articleIDs, model: client.configuration.model)
    }
}

/// A drafted answer and what it was drafted from.
public struct AnswerDraft: Sendable, Hashable, Codable {
    public var text: String
    public var articleIDs: [ArticleID]
    public var model: String

    public init(text: String, articleIDs: [ArticleID], model: String) {
        self.text = text
        self.articleIDs = articleIDs
        self.model = model
    }

    enum CodingKeys: String, CodingKey {
        case text, model
        case articleIDs = "article_ids"
    }
}
