/// How the Bot API should interpret markup in message text.
public enum ParseMode: String, Codable, Sendable, Hashable {
    case markdownV2 = "MarkdownV2"
    case html = "HTML"
    /// Legacy Markdown; prefer ``markdownV2``.
    case markdown = "Markdown"
}
