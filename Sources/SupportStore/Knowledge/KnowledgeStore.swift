import Foundation
public import Logging
public import PostgresNIO
public import SupportSchema

/// The knowledge base (`kb_article`): editing, publishing and ranked full-text search.
///
/// Each article is stemmed in its own language (`russian` or `english`, the generated `search`
/// column, title weight A, body weight B), and a query is parsed with the same configuration, so
/// "выплаты" finds "Выплата …". What a reader sees is decided by ``KBReader``.
///
/// ```swift
/// let kb = KnowledgeStore(connection: connection, logger: logger)
/// let hits = try await kb.search("как вывести выплату", locale: .ru, reader: .requester)
/// ```
public struct KnowledgeStore: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// How a query's words combine.
    public enum Matching: Sendable, Hashable {
        /// `websearch_to_tsquery`: every word (quotes for phrases, `or`, `-word`), as people type in a search box.
        case allWords
        /// Any stemmed word of the text: for free text such as a requester's first message, ranked by
        /// how many of its words an article holds.
        case anyWord
    }

    static let columns =
        "id, slug, locale, title, body, section, category, visibility, status, author_staff_id, published_at, updated_at"

    private func articles(_ query: PostgresQuery) async throws -> [KBArticle] {
        do {
            return try await connection.query(query, logger: logger).collect().map { row in
                let (id, slug, locale, title, body, section, category, visibility, status, author, published, updated) =
                    try row.decode((Int64, String, String, String, String, String, String?, String, String, Int64?, Date?, Date).self)
                return KBArticle(
                    id: ArticleID(rawValue: id), slug: slug, locale: try Self.decode(locale), title: title, body: body,
                    section: section, category: try category.map { try Self.decode($0) }, visibility: try Self.decode(visibility),
                    status: try Self.decode(status), authorStaffID: author.map { StaffID(rawValue: $0) },
                    publishedAt: published, updatedAt: updated)
            }
        } catch let error as PSQLError where error.serverInfo?[.constraintName] == "kb_article_slug_locale_key" {
            throw KBArticleError.slugTaken
        }
    }

    static func decode<E: SchemaEnum>(_ raw: String) throws -> E {
        guard let value = E(rawValue: raw) else { throw TicketStoreError.unexpectedValue("\(E.self) \(raw)") }
        return value
    }

    public func create(_ draft: KBArticleDraft, by staff: StaffID?) async throws -> KBArticle {
        guard let created = try await articles(
            """
            INSERT INTO kb_article (slug, locale, title, body, section, category, visibility, status, author_staff_id, published_at)
            VALUES (\(draft.slug), \(draft.locale.rawValue), \(draft.title), \(draft.body), \(draft.section),
                    \(draft.category?.rawValue), \(draft.visibility.rawValue), \(draft.status.rawValue), \(staff?.rawValue),
                    CASE WHEN \(draft.status.rawValue) = 'published' THEN now() END)
            RETURNING \(unescaped: Self.columns)
            """
        ).first else { throw TicketStoreError.unexpectedValue("INSERT returned no article") }
        return created
    }

    /// The article if `reader` may see it; `forUpdate` locks the row for an edit in the caller's transaction.
    public func article(_ id: ArticleID, reader: KBReader, forUpdate: Bool = false) async throws -> KBArticle? {
        try await articles(
            """
            SELECT \(unescaped: Self.columns) FROM kb_article WHERE id = \(id.rawValue) AND \(unescaped: reader.condition)
            \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """
        ).first
    }

    /// Applies the change; nil when there is no such article. The first publication stamps `published_at`.
    public func update(_ id: ArticleID, _ change: KBArticleChange) async throws -> KBArticle? {
        let clearCategory = change.category.map { $0 == nil } ?? false
        return try await articles(
            """
            UPDATE kb_article SET
                title = coalesce(\(change.title), title),
                body = coalesce(\(change.body), body),
                section = coalesce(\(change.section), section),
                category = CASE WHEN \(clearCategory) THEN NULL ELSE coalesce(\(change.category??.rawValue), category) END,
                visibility = coalesce(\(change.visibility?.rawValue), visibility),
                status = coalesce(\(change.status?.rawValue), status),
                published_at = CASE WHEN coalesce(\(change.status?.rawValue), status) = 'published'
                                    THEN coalesce(published_at, now()) ELSE published_at END
            WHERE id = \(id.rawValue)
            RETURNING \(unescaped: Self.columns)
            """
        ).first
    }

    /// Ranked full-text search over what `reader` may see, best first.
    ///
    /// Each article is matched with the query parsed in the article's own language, so a query in
    /// either language finds articles in both unless `locale` narrows it.
    /// - Parameters:
    ///   - text: the query; blank or stop words only finds nothing.
    ///   - locale: only articles in this language; nil for both.
    ///   - matching: ``Matching/allWords`` for a search box, ``Matching/anyWord`` for free text.
    ///   - category: only articles answering this ticket category.
    public func search(
        _ text: String, locale: ContentLocale? = nil, reader: KBReader, matching: Matching = .allWords,
        category: SupportSchema.Category? = nil, limit: Int = 10
    ) async throws -> [KBSearchHit] {
        let anyWord = matching == .anyWord
        let rows = try await connection.query(
            """
            WITH candidate AS (
                SELECT a.*, CASE a.locale WHEN 'ru' THEN 'russian'::regconfig ELSE 'english'::regconfig END AS cfg
                FROM kb_article a
                WHERE \(unescaped: reader.condition)
                  AND (\(locale?.rawValue)::text IS NULL OR a.locale = \(locale?.rawValue))
                  AND (\(category?.rawValue)::text IS NULL OR a.category = \(category?.rawValue))
            ), parsed AS (
                SELECT c.*,
                       CASE WHEN \(anyWord)
                            THEN nullif(replace(plainto_tsquery(c.cfg, \(text))::text, ' & ', ' | '), '')::tsquery
                            ELSE websearch_to_tsquery(c.cfg, \(text)) END AS tsq,
                       tsvector_to_array(to_tsvector(c.cfg, \(text))) AS lexemes
                FROM candidate c
            )
            SELECT id, slug, locale, title, section, category, visibility,
                   (ts_rank_cd(search, tsq, 32))::float8 AS rank,
                   ts_headline(cfg, CASE WHEN btrim(body) = '' THEN title ELSE body END, tsq,
                               'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'),
                   (SELECT count(*) FROM unnest(lexemes) AS l WHERE search @@ quote_literal(l)::tsquery)::int8,
                   coalesce(cardinality(lexemes), 0)::int8
            FROM parsed
            WHERE tsq IS NOT NULL AND search @@ tsq
            ORDER BY rank DESC, id
            LIMIT \(limit)
            """,
            logger: logger
        ).collect()
        return try rows.map { row in
            let (id, slug, locale, title, section, category, visibility, rank, snippet, matched, terms) = try row.decode(
                (Int64, String, String, String, String, String?, String, Double, String, Int64, Int64).self)
            return KBSearchHit(
                id: ArticleID(rawValue: id), slug: slug, locale: try Self.decode(locale), title: title, section: section,
                category: try category.map { try Self.decode($0) }, visibility: try Self.decode(visibility), rank: rank,
                snippet: snippet, matchedTerms: Int(matched), queryTerms: Int(terms))
        }
    }
}
