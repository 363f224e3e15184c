public import SupportSchema

/// One search result: the article, its rank and a snippet with the matched words marked.
public struct KBSearchHit: Sendable, Hashable, Codable {
    public var id: ArticleID
    public var slug: String
    public var locale: ContentLocale
    public var title: String
    public var section: String
    public var category: SupportSchema.Category?
    public var visibility: ArticleVisibility
    /// `ts_rank_cd` normalised into 0…1 (`rank / (rank + 1)`), title words weighing more than body words.
    public var rank: Double
    /// `ts_headline` of the body, matches between `<mark>` and `</mark>`.
    public var snippet: String
    /// How many of the query's distinct lexemes the article contains, and of how many (after stop
    /// words are dropped); the FAQ bot's confidence reads both.
    public var matchedTerms: Int
    public var queryTerms: Int

    enum CodingKeys: String, CodingKey {
        case id, slug, locale, title, section, category, visibility, rank, snippet
        case matchedTerms = "matched_terms"
        case queryTerms = "query_terms"
    }
}
