import SupportSchema
import SupportStore

/// A small published FAQ in both languages and FAQ-like first messages, each with the article a
/// person would answer it with (nil: no article answers it; the bot must leave it to people).
enum FAQFixture {
    static let articles: [KBArticleDraft] = [
        KBArticleDraft(slug: "payout-timing", locale: .ru, title: "Когда приходит выплата продавцу",
                       body: "Выплата продавцу приходит в течение трёх рабочих дней после того, как покупатель подтвердил сделку.",
                       section: "payments", category: .payment, status: .published),
        KBArticleDraft(slug: "open-a-dispute", locale: .ru, title: "Как открыть спор по сделке",
                       body: "Откройте спор командой /dispute в боте-гаранте, укажите номер сделки и приложите доказательства: скриншоты, чеки.",
                       section: "deals", category: .dispute, status: .published),
        KBArticleDraft(slug: "appeal-a-ban", locale: .ru, title: "Как обжаловать бан или мут",
                       body: "Напишите в поддержку, укажите чат и дату наказания. Апелляцию рассмотрит другой модератор.",
                       section: "rules", category: .moderationAppeal, status: .published),
        KBArticleDraft(slug: "deposit", locale: .ru, title: "Зачем нужен депозит гаранту",
                       body: "Депозит гарантирует сделку. Он возвращается после завершения сделки.",
                       section: "payments", category: .payment, status: .published),
        KBArticleDraft(slug: "change-password", locale: .ru, title: "Как сменить пароль в портале",
                       body: "Откройте профиль, нажмите «Сменить пароль» и введите новый пароль дважды.",
                       section: "account", category: .question, status: .published),
        KBArticleDraft(slug: "payout-timing", locale: .en, title: "When the seller's payout arrives",
                       body: "The payout reaches the seller within three business days after the buyer confirms the deal.",
                       section: "payments", category: .payment, status: .published),
        KBArticleDraft(slug: "open-a-dispute", locale: .en, title: "How to open a deal dispute",
                       body: "Open a dispute with /dispute in the guarantor bot, give the deal number and attach evidence: screenshots, receipts.",
                       section: "deals", category: .dispute, status: .published),
        KBArticleDraft(slug: "appeal-a-ban", locale: .en, title: "How to appeal a ban or mute",
                       body: "Write to support with the chat and the date of the punishment. A different moderator reviews the appeal.",
                       section: "rules", category: .moderationAppeal, status: .published),
        // Staff-only and draft articles must never be sent to requesters.
        KBArticleDraft(slug: "payout-fraud-checks", locale: .ru, title: "Проверка выплаты на мошенничество",
                       body: "Внутренний порядок: выплата задерживается при подозрении на мошенничество.",
                       section: "decisions", category: .payment, visibility: .staff, status: .published),
        KBArticleDraft(slug: "refunds", locale: .en, title: "Refunds to the buyer", body: "Draft.", section: "payments"),
    ]

    /// First messages with the slug that answers them.
    static let questions: [(text: String, answer: String?)] = [
        ("Когда придёт выплата продавцу?", "payout-timing"),
        ("когда приходят выплаты", "payout-timing"),
        ("Как открыть спор по сделке?", "open-a-dispute"),
        ("хочу открыть спор", "open-a-dispute"),
        ("Как обжаловать бан?", "appeal-a-ban"),
        ("Как обжаловать мут в чате", "appeal-a-ban"),
        ("Зачем нужен депозит?", "deposit"),
        ("Как сменить пароль", "change-password"),
        ("When does the payout arrive?", "payout-timing"),
        ("How do I open a dispute?", "open-a-dispute"),
        ("how to appeal a ban", "appeal-a-ban"),
        ("Продавец прислал не тот товар, а деньги уже у него, что делать? Номер сделки G-1042.", nil),
        ("Бот не отвечает на команды с утра", nil),
        ("Hello", nil),
        ("Refund my money now", nil),
        ("Меня оскорбил модератор Иван в чате сделок, разберитесь", nil),
    ]
}
