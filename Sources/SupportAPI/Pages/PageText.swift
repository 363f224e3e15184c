/// The pages' words in Russian and English; the language follows the signed-in person's setting
/// (`requester.locale`), or the browser's `Accept-Language` before sign-in.
enum PageText {
    static func table(_ locale: String) -> [String: String] {
        locale == "en" ? englishTable : russianTable
    }

    private static let englishTable = english.merging(ConsoleRoleText.english) { $1 }
    private static let russianTable = russian.merging(ConsoleRoleText.russian) { $1 }

    static func locale(acceptLanguage: String?) -> String {
        guard let header = acceptLanguage?.lowercased() else { return "ru" }
        let first = header.split(separator: ",").first.map(String.init) ?? ""
        return first.hasPrefix("en") ? "en" : "ru"
    }

    static let english: [String: String] = [
        "portal": "Support", "sign_in": "Sign in", "sign_out": "Sign out", "email": "Email", "password": "Password",
        "bad_credentials": "The email or password is wrong.", "too_many": "Too many attempts; try again later.",
        "my_requests": "My requests", "no_requests": "You have no requests yet.", "new_request": "New request",
        "subject": "Subject", "message": "Message", "category": "Topic", "any_category": "Not sure", "send": "Send",
        "received": "Thank you! Your request is received; it appears below in a moment.",
        "reply_received": "Your message is sent.", "blank_message": "Write a message first (up to 20000 characters).",
        "search_kb": "Search the help articles", "search": "Search", "no_articles": "Nothing found.",
        "number": "No.", "status": "Status", "updated": "Updated", "you": "You", "support": "Support",
        "reply": "Reply", "back": "All requests", "not_found": "There is no such request.",
        "expired": "Your session has ended; sign in again.", "rate": "Rate our answer", "score": "Your rating (5 is best)",
        "comment": "Comment (optional)", "rated": "Thank you for your rating!", "link_expired": "This rating link is unknown or has expired.",
        "line": "Line", "priority": "Priority", "any": "any", "due_soon": "SLA due within 30 min or breached", "filter": "Filter",
        "from": "From", "to": "To", "summary": "Summary", "frt": "First response (median)", "fast": "Answered fast",
        "resolution": "Resolution (median)", "repeat": "Repeat contacts", "backlog": "Backlog", "topics": "Topics",
        "agent_ratings": "Agent ratings", "resolved": "Resolved", "reopened": "Reopened",
        "account": "Requester's account", "channels": "Channels", "tickets": "Tickets", "deals_disputes": "Deals and disputes",
        "dispute": "dispute", "deal": "deal", "punishments": "Punishments", "lifted": "lifted", "report_of": "A report of incident", "reports": "Linked reports", "macro": "Canned reply (★ suggested)",
        "apply_macro": "Send the canned reply", "suggested_articles": "Suggested articles", "escalate": "Escalate", "up": "Up a line",
        "down": "Down a line", "reason": "Reason", "links": "Links", "link_to_incident": "Link as a report of incident No.", "link": "Link",
        "unlink": "Unlink from the incident", "merge_into": "Merge into ticket No.", "merge": "Merge", "pick_macro": "Choose a canned reply.",
        "bad_number": "Type a ticket number.", "no_ticket": "There is no ticket", "done_sent": "Saved.", "done_macro": "The canned reply is sent.",
        "done_escalated": "Escalated.", "done_deescalated": "Moved down a line.", "done_linked": "Linked to the incident.",
        "done_unlinked": "Unlinked.", "done_merged": "Merged.", "live": "The queue updates by itself.",
        "pick_score": "Choose a rating from 1 to 5.", "console": "Support console", "queue": "Queue", "mine": "Mine",
        "my_teams": "My teams' unassigned", "unassigned": "Unassigned", "sla": "SLA", "internal_note": "Internal note (not sent)",
        "requester": "Requester", "note": "Note", "staff_only": "The console is for staff; requesters use the portal.", "forgot": "Forgot your password? Ask for a link in the bot or by email.",
    ]

    static let russian: [String: String] = [
        "portal": "Поддержка", "sign_in": "Войти", "sign_out": "Выйти", "email": "Эл. почта", "password": "Пароль",
        "bad_credentials": "Неверная почта или пароль.", "too_many": "Слишком много попыток; попробуйте позже.",
        "my_requests": "Мои обращения", "no_requests": "Обращений пока нет.", "new_request": "Новое обращение",
        "subject": "Тема", "message": "Сообщение", "category": "Тема обращения", "any_category": "Не знаю", "send": "Отправить",
        "received": "Спасибо! Обращение получено; через несколько секунд оно появится ниже.",
        "reply_received": "Сообщение отправлено.", "blank_message": "Сначала напишите сообщение (до 20000 символов).",
        "search_kb": "Поиск по справке", "search": "Найти", "no_articles": "Ничего не найдено.",
        "number": "№", "status": "Статус", "updated": "Обновлено", "you": "Вы", "support": "Поддержка",
        "reply": "Ответить", "back": "Все обращения", "not_found": "Такого обращения нет.",
        "expired": "Сеанс закончился; войдите снова.", "rate": "Оцените ответ", "score": "Ваша оценка (5 — лучшая)",
        "comment": "Комментарий (необязательно)", "rated": "Спасибо за оценку!", "link_expired": "Ссылка для оценки неизвестна или устарела.",
        "line": "Линия", "priority": "Приоритет", "any": "все", "due_soon": "SLA истекает в 30 мин или нарушен", "filter": "Показать",
        "from": "С", "to": "По", "summary": "Сводка", "frt": "Первый ответ (медиана)", "fast": "Отвечено быстро",
        "resolution": "Решение (медиана)", "repeat": "Повторные обращения", "backlog": "Очередь", "topics": "Темы",
        "agent_ratings": "Рейтинг сотрудников", "resolved": "Решено", "reopened": "Переоткрыто",
        "account": "Учётная запись заявителя", "channels": "Каналы", "tickets": "Обращения", "deals_disputes": "Сделки и споры",
        "dispute": "спор", "deal": "сделка", "punishments": "Наказания", "lifted": "снято", "report_of": "Сообщение об инциденте", "reports": "Связанные обращения", "macro": "Шаблон ответа (★ подходящие)",
        "apply_macro": "Отправить шаблон", "suggested_articles": "Подходящие статьи", "escalate": "Эскалировать", "up": "На линию выше",
        "down": "На линию ниже", "reason": "Причина", "links": "Связи", "link_to_incident": "Связать как сообщение об инциденте №", "link": "Связать",
        "unlink": "Отвязать от инцидента", "merge_into": "Объединить с обращением №", "merge": "Объединить", "pick_macro": "Выберите шаблон.",
        "bad_number": "Укажите номер обращения.", "no_ticket": "Нет обращения", "done_sent": "Сохранено.", "done_macro": "Шаблон отправлен.",
        "done_escalated": "Эскалировано.", "done_deescalated": "Передано на линию ниже.", "done_linked": "Связано с инцидентом.",
        "done_unlinked": "Отвязано.", "done_merged": "Объединено.", "live": "Очередь обновляется сама.",
        "pick_score": "Выберите оценку от 1 до 5.", "console": "Консоль поддержки", "queue": "Очередь", "mine": "Мои",
        "my_teams": "Неназначенные моих команд", "unassigned": "Неназначенные", "sla": "SLA", "internal_note": "Внутренняя заметка (не отправляется)",
        "requester": "Заявитель", "note": "Заметка", "staff_only": "Консоль — для сотрудников; заявители пользуются порталом.", "forgot": "Забыли пароль? Запросите ссылку в боте или по почте.",
    ]
}
