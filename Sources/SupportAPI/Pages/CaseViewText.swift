/// The words of the moderator, arbiter and coder views, merged into `ConsoleRoleText`.
enum CaseViewText {
    static let english: [String: String] = [
        // Moderator
        "no_appeals": "No appeals are waiting for you.", "punishment": "Punishment", "issued_by": "issued by", "automatic": "automatic moderation",
        "permanent": "permanent", "punishment_ban": "ban", "punishment_mute": "mute", "punishment_warning": "warning",
        "outcome": "Outcome", "appeal_uphold": "Uphold", "appeal_reduce": "Reduce (new end below)", "appeal_lift": "Lift",
        "new_expiry": "New end (for a reduction)", "reasons": "Reasons (sent to the requester)", "decide": "Decide",
        "appeal_decided": "The decision is recorded and sent.", "pick_outcome": "Choose an outcome.", "open_ticket": "open the ticket",
        // Arbiter
        "dispute": "Dispute", "no_dispute": "There is no such dispute.", "no_disputes": "No open disputes are yours.", "deal": "Deal",
        "state": "State", "amount": "Amount", "deadline": "Deadline", "buyer": "Buyer", "seller": "Seller", "claim": "Claim",
        "settlement": "Settlement offer", "decision": "Decision", "evidence": "Evidence", "history": "History", "disclosed": "disclosed to both",
        "party_buyer": "Buyer", "party_seller": "Seller", "party_staff": "Arbiter", "payout_approvals": "Payouts waiting for your approval",
        "dispute_action": "Decision", "action": "Action", "seller_percent": "Seller's share, % (for a split)",
        "reasons_or_note": "Reasons / note (required for a decision, an information request or a recusal)",
        "dispute_saved": "Done.", "pick_action": "Choose an action.",
        "action_move_to_evidence": "Move to evidence", "action_request_info": "Request information", "action_provide_info": "Information received",
        "action_submit_for_review": "Close evidence, start review", "action_decide": "Decide", "action_recuse": "Recuse myself",
        "action_approve_payout": "Approve the payout",
        "outcome_refund_buyer": "Refund the buyer", "outcome_release_seller": "Release to the seller", "outcome_split": "Split",
        "outcome_no_ruling": "No ruling",
        "state_opened": "opened", "state_awaiting_response": "awaiting response", "state_negotiation": "negotiation", "state_evidence": "evidence",
        "state_info_requested": "information requested", "state_under_review": "under review", "state_decided": "decided",
        "state_appeal_window": "appeal window", "state_appealed": "appealed", "state_executing": "executing", "state_closed": "closed",
        "state_settled": "settled", "state_withdrawn": "withdrawn", "state_expired": "expired",
        // Coder
        "no_incidents": "No open incidents or bugs.", "incident": "incident", "bug": "bug", "linked_reports": "Linked reports",
        "mark_fixed": "Mark fixed", "fix_note": "Note for the requesters (sent to every linked report)", "fixed_told": "Marked fixed; requesters told:",
    ]

    static let russian: [String: String] = [
        "no_appeals": "Апелляций для вас нет.", "punishment": "Наказание", "issued_by": "выдал", "automatic": "автомодерация",
        "permanent": "бессрочно", "punishment_ban": "бан", "punishment_mute": "мут", "punishment_warning": "предупреждение",
        "outcome": "Решение", "appeal_uphold": "Оставить", "appeal_reduce": "Сократить (новый срок ниже)", "appeal_lift": "Снять",
        "new_expiry": "Новый срок (для сокращения)", "reasons": "Обоснование (уйдёт заявителю)", "decide": "Решить",
        "appeal_decided": "Решение записано и отправлено.", "pick_outcome": "Выберите решение.", "open_ticket": "открыть обращение",
        "dispute": "Спор", "no_dispute": "Такого спора нет.", "no_disputes": "Открытых споров у вас нет.", "deal": "Сделка",
        "state": "Состояние", "amount": "Сумма", "deadline": "Срок", "buyer": "Покупатель", "seller": "Продавец", "claim": "Претензия",
        "settlement": "Предложение мирового", "decision": "Решение", "evidence": "Доказательства", "history": "История", "disclosed": "раскрыто обеим сторонам",
        "party_buyer": "Покупатель", "party_seller": "Продавец", "party_staff": "Арбитр", "payout_approvals": "Выплаты, ждущие вашего одобрения",
        "dispute_action": "Решение", "action": "Действие", "seller_percent": "Доля продавца, % (при разделе)",
        "reasons_or_note": "Обоснование / заметка (обязательно для решения, запроса сведений и самоотвода)",
        "dispute_saved": "Готово.", "pick_action": "Выберите действие.",
        "action_move_to_evidence": "Перейти к доказательствам", "action_request_info": "Запросить сведения", "action_provide_info": "Сведения получены",
        "action_submit_for_review": "Закрыть сбор доказательств, начать рассмотрение", "action_decide": "Вынести решение", "action_recuse": "Взять самоотвод",
        "action_approve_payout": "Одобрить выплату",
        "outcome_refund_buyer": "Вернуть покупателю", "outcome_release_seller": "Отдать продавцу", "outcome_split": "Разделить",
        "outcome_no_ruling": "Без решения",
        "state_opened": "открыт", "state_awaiting_response": "ждёт ответа", "state_negotiation": "переговоры", "state_evidence": "доказательства",
        "state_info_requested": "запрошены сведения", "state_under_review": "на рассмотрении", "state_decided": "решён",
        "state_appeal_window": "срок обжалования", "state_appealed": "обжалован", "state_executing": "исполняется", "state_closed": "закрыт",
        "state_settled": "мировое", "state_withdrawn": "отозван", "state_expired": "истёк",
        "no_incidents": "Открытых инцидентов и багов нет.", "incident": "инцидент", "bug": "баг", "linked_reports": "Связанные обращения",
        "mark_fixed": "Отметить исправленным", "fix_note": "Заметка для заявителей (уйдёт по каждому связанному обращению)",
        "fixed_told": "Отмечено исправленным; уведомлено заявителей:",
    ]
}
