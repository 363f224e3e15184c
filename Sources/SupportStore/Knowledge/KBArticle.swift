public import Foundation
public import SupportSchema

/// One language version of a knowledge-base article (`kb_article`), as editors and readers see it.
public struct KBArticle: Sendable, Hashable, Codable {
    public var id: ArticleID
    public var slug: String
    public var locale: ContentLocale
    public var title: String
    public var body: String
    public var section: String
    public var category: SupportSchema.Category?
    public var visibility: ArticleVisibility
    public var status: ArticleStatus
    public var authorStaffID: StaffID?
    public var publishedAt: Date?
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, slug, locale, title, body, section, category, visibility, status
        case authorStaffID = "author_staff_id"
        case publishedAt = "published_at"
        case updatedAt = "updated_at"
    }

    /// The audited fields (the body as its length: the audit log is not a second copy of the KB).
    public var auditFields: [String: StoredJSON] {
        [
            "slug": .string(slug), "locale": .string(locale.rawValue), "title": .string(title),
            "body_length": .int(Int64(body.unicodeScalars.count)), "section": .string(section),
            "category": .optional(category?.rawValue), "visibility": .string(visibility.rawValue),
            "status": .string(status.rawValue),
        ]
    }
}
