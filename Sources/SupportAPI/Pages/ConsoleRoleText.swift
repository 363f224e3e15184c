/// The words of the console's menu and role views (moderator, arbiter, coder, owner, ops), merged into
/// `PageText.table`.
enum ConsoleRoleText {
    static let english: [String: String] = [
        "nav_queue": "Queue", "nav_appeals": "Appeals", "nav_disputes": "Disputes", "nav_incidents": "Incidents",
        "nav_complaints": "Complaints", "nav_admin": "Staff & settings", "nav_reports": "Reports", "nav_ops": "Operations",
    ].merging(OwnerText.english) { $1 }

    static let russian: [String: String] = [
        "nav_queue": "Очередь", "nav_appeals": "Апелляции", "nav_disputes": "Споры", "nav_incidents": "Инциденты",
        "nav_complaints": "Жалобы", "nav_admin": "Сотрудники и настройки", "nav_reports": "Отчёты", "nav_ops": "Эксплуатация",
    ].merging(OwnerText.russian) { $1 }
}
