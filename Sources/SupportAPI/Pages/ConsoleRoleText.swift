/// The words of the console's menu and role views (moderator, arbiter, coder, owner, ops), merged into
/// `PageText.table`.
enum ConsoleRoleText {
    static let english: [String: String] = [
        "nav_queue": "Queue", "nav_appeals": "Appeals", "nav_disputes": "Disputes", "nav_incidents": "Incidents",
        "nav_complaints": "Complaints", "nav_admin": "Staff & settings", "nav_reports": "Reports", "nav_ops": "Operations",
        "queues": "Queues", "queue_name": "Queue", "ready": "Ready", "running": "Running", "scheduled": "Scheduled", "dead": "Dead",
        "oldest_ready": "Oldest ready", "workers": "Worker processes", "worker": "Worker", "heartbeat": "Last heartbeat",
        "dead_jobs": "Dead jobs", "attempt": "attempt", "retry": "Retry", "retried": "Queued again: job", "named": "Complained about",
    ].merging(CaseViewText.english) { $1 }.merging(OwnerText.english) { $1 }

    static let russian: [String: String] = [
        "nav_queue": "Очередь", "nav_appeals": "Апелляции", "nav_disputes": "Споры", "nav_incidents": "Инциденты",
        "nav_complaints": "Жалобы", "nav_admin": "Сотрудники и настройки", "nav_reports": "Отчёты", "nav_ops": "Эксплуатация",
        "queues": "Очереди", "queue_name": "Очередь", "ready": "Готовы", "running": "Выполняются", "scheduled": "Отложены", "dead": "Мёртвые",
        "oldest_ready": "Старейшая готовая", "workers": "Процессы-обработчики", "worker": "Процесс", "heartbeat": "Последний пульс",
        "dead_jobs": "Мёртвые задания", "attempt": "попытка", "retry": "Повторить", "retried": "Снова в очереди: задание", "named": "На кого жалоба",
    ].merging(CaseViewText.russian) { $1 }.merging(OwnerText.russian) { $1 }
}
