/// The languages the desk works in (`requester.locale`, `staff.locale`, `kb_article.locale`).
///
/// Each maps to a PostgreSQL text-search configuration, so that Russian inflections stem properly.
public enum ContentLocale: String, SchemaEnum {
    case ru
    case en

    /// The built-in `regconfig` used for this language's full-text search.
    public var textSearchConfiguration: String {
        switch self {
        case .ru: "russian"
        case .en: "english"
        }
    }
}
