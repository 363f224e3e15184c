/// The words of the owner views (complaints, admin) and the ops page, merged into `ConsoleRoleText`.
enum OwnerText {
    static let english: [String: String] = [
        "no_complaints": "No complaints.", "complaint_named": "Names",
        "admin_staff": "Staff", "admin_staff_columns": "id|Name|Email|Roles|Teams|Away|Active",
        "admin_teams": "Teams, calendars and shifts",
        "admin_teams_columns": "Team|Line|Calendar|Opening hours (weekday)|Holidays ahead|Members|Shifts",
        "admin_sla": "SLA policies", "admin_sla_columns": "Channel|Priority|First response, min|Next response, min|Resolution, min|Clock",
        "admin_rules": "Classification rules", "admin_rules_columns": "id|Pattern|Language|Category|Priority boost|Channel|State",
        "admin_kb": "Knowledge base", "admin_kb_columns": "id|Language|Title|Section|Status",
        "admin_csat": "CSAT low-rating policy", "admin_csat_columns": "Low score up to|On a low score",
        "admin_add_staff": "Add a staff member", "admin_name": "Name", "admin_role": "Role", "admin_staff_added": "Staff member added.",
        "ops_queues": "Queues", "ops_queue": "Queue", "ops_ready": "Ready", "ops_running": "Running", "ops_scheduled": "Scheduled",
        "ops_dead": "Dead", "ops_oldest": "Oldest ready", "ops_dead_jobs": "Dead jobs", "ops_kind": "Kind", "ops_error": "Why",
        "ops_retry": "Retry", "ops_workers": "Workers", "ops_worker": "Worker", "ops_heartbeat": "Last heartbeat",
        "ops_retried": "The job is back in its queue.", "ops_retry_failed": "The job could not be retried (gone, or its key is taken).",
    ]

    static let russian: [String: String] = [
        "no_complaints": "Жалоб нет.", "complaint_named": "На кого",
        "admin_staff": "Сотрудники", "admin_staff_columns": "id|Имя|Email|Роли|Команды|Отсутствует|Статус",
        "admin_teams": "Команды, календари и смены",
        "admin_teams_columns": "Команда|Линия|Календарь|Часы работы (день недели)|Ближайшие праздники|Участники|Смены",
        "admin_sla": "Политики SLA", "admin_sla_columns": "Канал|Приоритет|Первый ответ, мин|Следующий ответ, мин|Решение, мин|Часы",
        "admin_rules": "Правила классификации", "admin_rules_columns": "id|Шаблон|Язык|Категория|Повышение приоритета|Канал|Состояние",
        "admin_kb": "База знаний", "admin_kb_columns": "id|Язык|Заголовок|Раздел|Статус",
        "admin_csat": "Политика низких оценок CSAT", "admin_csat_columns": "Низкая оценка до|При низкой оценке",
        "admin_add_staff": "Добавить сотрудника", "admin_name": "Имя", "admin_role": "Роль", "admin_staff_added": "Сотрудник добавлен.",
        "ops_queues": "Очереди", "ops_queue": "Очередь", "ops_ready": "Готовы", "ops_running": "Выполняются", "ops_scheduled": "Отложены",
        "ops_dead": "Мёртвые", "ops_oldest": "Старейшая готовая", "ops_dead_jobs": "Мёртвые задачи", "ops_kind": "Вид", "ops_error": "Причина",
        "ops_retry": "Повторить", "ops_workers": "Обработчики", "ops_worker": "Обработчик", "ops_heartbeat": "Последний сигнал",
        "ops_retried": "Задача вернулась в очередь.", "ops_retry_failed": "Задачу не удалось повторить (её нет или ключ занят).",
    ]
}
