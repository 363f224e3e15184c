public import SupportSchema

/// A new article; it starts as a draft unless `status` says otherwise.
public struct KBArticleDraft: Sendable, Hashable {
    public var slug: String
    public var locale: ContentLocale
    public var title: String
    public var body: String
    public var section: String
    public var category: SupportSchema.Category?
    public var visibility: ArticleVisibility
    public var status: ArticleStatus

    public init(
        slug: String, locale: ContentLocale, title: String, body: String, section: String = "",
        category: SupportSchema.Category? = nil, visibility: ArticleVisibility = .public, status: ArticleStatus = .draft
    ) {
        self.slug = slug
        self.locale = locale
        self.title = title
        self.body = body
        self.section = section
        self.category = category
        self.visibility = visibility
        self.status = status
    }
}

/// What an editor changes on an article; nil fields keep their value. Publishing is `status: .published`.
public struct KBArticleChange: Sendable, Hashable {
    public var title: String?
    public var body: String?
    public var section: String?
    /// `.some(nil)` clears the category.
    public var category: SupportSchema.Category??
    public var visibility: ArticleVisibility?
    public var status: ArticleStatus?

    public init(
        title: String? = nil, body: String? = nil, section: String? = nil, category: SupportSchema.Category?? = nil,
        visibility: ArticleVisibility? = nil, status: ArticleStatus? = nil
    ) {
        self.title = title
        self.body = body
        self.section = section
        self.category = category
        self.visibility = visibility
        self.status = status
    }
}

/// Why an article edit is refused; the API answers 409 with the message.
public enum KBArticleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Another article has this slug in this language.
    case slugTaken

    public var description: String {
        switch self {
        case .slugTaken: "an article with this slug exists in this language"
        }
    }
}
