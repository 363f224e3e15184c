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
        "pick_score": "Выберите оценку от 1 до 5.", "console": "Консоль поддержки", "queue": "Очередь", "mine": "Мои",
        "my_teams": "Неназначенные моих команд", "unassigned": "Неназначенные", "sla": "SLA", "internal_note": "Внутренняя заметка (не отправляется)",
        "requester": "Заявитель", "note": "Заметка", "staff_only": "Консоль — для сотрудников; заявители пользуются порталом.", "forgot": "Забыли пароль? Запросите ссылку в боте или по почте.",
    ]
}
