/// Who reads the knowledge base, which decides the articles they see.
public enum KBReader: Sendable, Hashable {
    /// Guests, requesters and the FAQ bot: published public articles only.
    case requester
    /// Staff: published articles, staff-only ones included.
    case staff
    /// Editors (`manage_kb`): everything, drafts and archived articles too.
    case editor

    /// The SQL condition on `kb_article` for this reader.
    var condition: String {
        switch self {
        case .requester: "status = 'published' AND visibility = 'public'"
        case .staff: "status = 'published'"
        case .editor: "true"
        }
    }
}
