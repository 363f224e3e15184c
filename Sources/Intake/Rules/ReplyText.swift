import Foundation
import SupportSchema
import SupportStore

/// The texts intake answers with, in the requester's language (`ru` or `en`).
///
/// Rendered here rather than by the notification worker so a `notification` row holds exactly what was
/// sent; the variables are stored next to the text for reports and re-rendering.
///
/// ```swift
/// ReplyText(locale: "ru").ack(number: 1042, expectedBy: due, receivedAt: now, timeZone: calendar.timeZone)
/// ```
public struct ReplyText: Sendable, Hashable {
    public var locale: String

    public init(locale: String) {
        self.locale = locale == "en" ? "en" : "ru"
    }

    private var english: Bool { locale == "en" }

    /// The auto-acknowledgement of a new ticket, naming the expected first-response time.
    public func ack(number: Int64, expectedBy: Date, receivedAt: Date, timeZone: TimeZone) -> String {
        let immediate = expectedBy.timeIntervalSince(receivedAt) < 60
        let when = Self.format(expectedBy, in: timeZone)
        if english {
            let promise = immediate ? "An agent will answer right away." : "We will answer by \(when) (\(timeZone.identifier) time)."
            return "Your request #\(number) has been received. \(promise)"
        }
        let promise = immediate ? "Специалист ответит прямо сейчас." : "Ответим до \(when) (время \(timeZone.identifier))."
        return "Ваше обращение #\(number) принято. \(promise)"
    }

    /// The answer to `/status`: the given tickets with their statuses.
    public func status(_ tickets: [TicketRecord], askedNumber: Int64?) -> String {
        if tickets.isEmpty {
            if let askedNumber {
                return english ? "No request #\(askedNumber) found." : "Обращение #\(askedNumber) не найдено."
            }
            return english ? "You have no open requests." : "У вас нет открытых обращений."
        }
        let header = english ? "Your requests:" : "Ваши обращения:"
        let lines = tickets.map { "#\($0.number) — \(statusName($0.status)) — \($0.subject)" }
        return ([header] + lines).joined(separator: "\n")
    }

    /// The FAQ bot's answer: the article's title and text (cut at `limit` characters), its link, and how
    /// to reach a person.
    public func botAnswer(number: Int64, title: String, body: String, link: String, limit: Int = 700) -> String {
        let text = body.count > limit ? String(body.prefix(limit)).trimmingCharacters(in: .whitespacesAndNewlines) + "…" : body
        if english {
            return """
                Your request #\(number): this article may answer it.
                \(title)
                \(text)
                More: \(link)
                Did it help? If not, press "Call an operator" or just write again, and an agent will take over.
                """
        }
        return """
            Ваше обращение #\(number): возможно, ответ есть в статье.
            \(title)
            \(text)
            Подробнее: \(link)
            Помогло? Если нет, нажмите «Позвать оператора» или просто напишите ещё раз, и подключится специалист.
            """
    }

    /// The FAQ bot's answer drafted by the LLM from the articles, with the matched article's link.
    public func botDraftAnswer(number: Int64, draft: String, link: String) -> String {
        if english {
            return """
                Your request #\(number):
                \(draft)
                More: \(link)
                Did it help? If not, press "Call an operator" or just write again, and an agent will take over.
                """
        }
        return """
            Ваше обращение #\(number):
            \(draft)
            Подробнее: \(link)
            Помогло? Если нет, нажмите «Позвать оператора» или просто напишите ещё раз, и подключится специалист.
            """
    }

    /// The buttons under a bot answer: "this helped", "call an operator".
    public var botButtons: (helped: String, callOperator: String) {
        english ? ("This helped", "Call an operator") : ("Помогло", "Позвать оператора")
    }

    /// The reply to "this helped".
    public func deflected(number: Int64) -> String {
        english ? "Glad it helped! Request #\(number) is resolved; write any time if you need more."
            : "Рады, что помогло! Обращение #\(number) решено; пишите, если понадобится ещё."
    }

    /// After the bot's answer went unanswered: a person takes the request.
    public func botWaitEnded(number: Int64) -> String {
        english ? "We have passed request #\(number) to an agent, who will answer here."
            : "Мы передали обращение #\(number) специалисту, он ответит здесь."
    }

    /// The answer to `/start` and `/help`.
    public func welcome() -> String {
        if english {
            return """
                Hello! Describe your question in a message and we will open a request and answer.
                /new — a new request, /status — your requests, /operator — call an agent, /rate 1–5 — rate the answer.
                """
        }
        return """
            Здравствуйте! Опишите вопрос сообщением — мы создадим обращение и ответим.
            /new — новое обращение, /status — ваши обращения, /operator — позвать оператора, /rate 1–5 — оценить ответ.
            """
    }

    /// Thanks for a stored rating.
    public func rated(number: Int64, score: Int) -> String {
        english ? "Thank you! Your rating \(score)/5 for request #\(number) is saved."
            : "Спасибо! Оценка \(score)/5 для обращения #\(number) сохранена."
    }

    /// A rating that is not 1–5.
    public func rateInvalid() -> String {
        english ? "A rating is a number from 1 to 5, for example: /rate 5 thank you"
            : "Оценка — число от 1 до 5, например: /rate 5 спасибо"
    }

    /// A rating with nothing to rate.
    public func rateNoTicket() -> String {
        english ? "You have no finished requests to rate yet." : "У вас пока нет завершённых обращений для оценки."
    }

    func statusName(_ status: TicketStatus) -> String {
        switch (status, english) {
        case (.new, false): "принято"
        case (.open, false): "в работе"
        case (.pendingRequester, false): "ждём вашего ответа"
        case (.pendingThirdParty, false): "ждём ответа третьей стороны"
        case (.escalated, false): "передано специалистам"
        case (.resolved, false): "решено"
        case (.closed, false): "закрыто"
        case (.new, true): "received"
        case (.open, true): "in progress"
        case (.pendingRequester, true): "waiting for your reply"
        case (.pendingThirdParty, true): "waiting for a third party"
        case (.escalated, true): "with specialists"
        case (.resolved, true): "resolved"
        case (.closed, true): "closed"
        }
    }

    /// `dd.MM.yyyy HH:mm` in the zone; fixed digits so texts are stable in tests.
    static func format(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(two(c.day)).\(two(c.month)).\(c.year ?? 0) \(two(c.hour)):\(two(c.minute))"
    }
}
