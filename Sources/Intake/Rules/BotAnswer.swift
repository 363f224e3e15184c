import SupportSchema
import SupportStore

/// What every `bot_answer` notification carries, whether the article's text or an LLM draft is sent.
enum BotAnswer {
    /// One bot answer per ticket, however it is produced or redelivered.
    static func key(_ ticket: TicketID) -> String { "bot:\(ticket)" }

    static func link(base: String, article: KBArticle) -> String {
        "\(base)/\(article.locale.rawValue)/\(article.slug)"
    }

    /// The payload besides `text` and `locale`: the article and its link, the mail subject, and the
    /// Telegram buttons ("this helped", "call an operator").
    static func extra(ticket: TicketRecord, article: KBArticle, link: String, locale: String) -> [String: StoredJSON] {
        let buttons = ReplyText(locale: locale).botButtons
        return [
            "ticket_number": .int(ticket.number), "article_id": .int(article.id.rawValue), "link": .string(link),
            "subject": .string("[#\(ticket.number)] \(article.title)"),
            "keyboard": "helped_or_operator", "ticket_id": .int(ticket.id.rawValue),
            "helped_title": .string(buttons.helped), "operator_title": .string(buttons.callOperator),
        ]
    }
}
