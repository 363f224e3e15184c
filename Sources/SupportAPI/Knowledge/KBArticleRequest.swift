import Foundation
import SupportSchema
import SupportStore

/// `POST /api/v1/kb/articles` and `PATCH /api/v1/kb/articles/{id}` bodies; every field checked with a
/// 400 that names it, exactly as the OpenAPI document constrains it (lengths in Unicode scalars, no NUL).
struct KBArticleRequest: Decodable {
    var slug: String?
    var locale: String?
    var title: String?
    var body: String?
    var section: String?
    /// Absent: unchanged (none on create); null: no category.
    var category: String??
    var visibility: String?
    var status: String?

    enum CodingKeys: String, CodingKey {
        case slug, locale, title, body, section, category, visibility, status
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        slug = try container.decodeIfPresent(String.self, forKey: .slug)
        locale = try container.decodeIfPresent(String.self, forKey: .locale)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        body = try container.decodeIfPresent(String.self, forKey: .body)
        section = try container.decodeIfPresent(String.self, forKey: .section)
        visibility = try container.decodeIfPresent(String.self, forKey: .visibility)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        if container.contains(.category) {
            category = .some(try container.decodeNil(forKey: .category) ? nil : try container.decode(String.self, forKey: .category))
        }
    }

    static let maximumTitle = 200
    static let maximumBody = 20_000
    static let maximumSection = 100
    static let maximumSlug = 100

    static func invalid(_ message: String) -> APIError { APIError(.badRequest, code: "invalid_field", message: message) }
    static func missing(_ field: String) -> APIError { APIError(.badRequest, code: "missing_field", message: "\(field): required") }

    /// Text of at most `maximum` scalars without NUL (PostgreSQL text cannot hold it).
    static func text(_ value: String, _ field: String, maximum: Int) throws(APIError) -> String {
        guard value.unicodeScalars.count <= maximum, !value.unicodeScalars.contains("\u{0}") else {
            throw invalid("\(field): at most \(maximum) characters, no NUL")
        }
        return value
    }

    /// 1 to `maximum` characters, not only spaces, no NUL (titles, macro bodies).
    static func nonBlank(_ value: String, _ field: String, maximum: Int) throws(APIError) -> String {
        let checked = try text(value, field, maximum: maximum)
        guard checked.unicodeScalars.contains(where: { $0 != " " }) else {
            throw invalid("\(field): 1 to \(maximum) characters, not only spaces")
        }
        return checked
    }

    static func title(_ value: String) throws(APIError) -> String { try nonBlank(value, "title", maximum: maximumTitle) }

    static func schemaEnum<E: SchemaEnum>(_ raw: String, _ field: String) throws(APIError) -> E {
        guard let value = E(rawValue: raw) else { throw invalid("\(field): one of \(E.rawValues.joined(separator: ", "))") }
        return value
    }

    func draft() throws(APIError) -> KBArticleDraft {
        guard let slug else { throw Self.missing("slug") }
        let slugText = try Self.text(slug, "slug", maximum: Self.maximumSlug)
        guard !slugText.isEmpty else { throw Self.invalid("slug: 1 to 100 characters") }
        // The document allows any text here (a JSON Schema `$` would let a trailing newline through):
        // the slug's form is a semantic refusal.
        guard slugText.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil else {
            throw APIError(.conflict, code: "invalid_slug", message: "slug: lower-case letters and digits in dash-separated words")
        }
        guard let locale else { throw Self.missing("locale") }
        guard let title else { throw Self.missing("title") }
        let change = try change()
        return KBArticleDraft(
            slug: slug, locale: try Self.schemaEnum(locale, "locale") as ContentLocale, title: try Self.title(title), body: change.body ?? "",
            section: change.section ?? "", category: change.category ?? nil, visibility: change.visibility ?? .public,
            status: change.status ?? .draft)
    }

    /// The change; slug and locale name the article and cannot change (400).
    func change() throws(APIError) -> KBArticleChange {
        var change = KBArticleChange()
        if let title { change.title = try Self.title(title) }
        if let body { change.body = try Self.text(body, "body", maximum: Self.maximumBody) }
        if let section { change.section = try Self.text(section, "section", maximum: Self.maximumSection) }
        if let category {
            if let raw = category {
                change.category = .some(try Self.schemaEnum(raw, "category") as SupportSchema.Category)
            } else {
                change.category = .some(nil)
            }
        }
        if let visibility { change.visibility = try Self.schemaEnum(visibility, "visibility") as ArticleVisibility }
        if let status { change.status = try Self.schemaEnum(status, "status") as ArticleStatus }
        return change
    }
}

/// Search results.
struct KBSearchPage: Encodable {
    var items: [KBSearchHit]
}
