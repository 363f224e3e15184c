/// Who may read a knowledge-base article (`kb_article.visibility`).
public enum ArticleVisibility: String, SchemaEnum {
    /// Requesters, the portal and the FAQ bot.
    case `public`
    /// Staff only, e.g. recorded decisions on disputed kinds of cases.
    case staff
}

/// Editorial state of a knowledge-base article (`kb_article.status`).
public enum ArticleStatus: String, SchemaEnum {
    case draft
    case published
    case archived
}
