import Foundation
import JobQueue
import SupportDomain
import SupportSchema
import SupportStore

extension IntakeRun {
    /// Answers a new ticket from the knowledge base when ``FAQBotRule`` is confident: the article (or, with
    /// `SUPPORT_LLM_BOT_ANSWERS=on`, a draft from it through ``FAQBotDraftJob``) goes out on the requester's
    /// channel (with "this helped" / "call an operator" buttons on Telegram) and the ticket waits for the requester (`pending_requester`, `bot_answered`) instead of being routed.
    /// - Returns: the `bot_answered` entry for the caller to record after `created`, or nil if the bot did
    ///   not answer (the caller then acknowledges and routes as usual).
    func answerFromKnowledgeBase(_ ticket: TicketRecord, requester: ResolvedRequester) async throws -> NewTicketEvent? {
        guard let rule = configuration.faqBot, request.hasContent else { return nil }
        let text = [request.subject, request.body].compactMap { $0 }.joined(separator: "\n")
        let best = try await KnowledgeStore(connection: connection, logger: logger)
            .search(text, reader: .requester, matching: .anyWord, limit: 1).first
        let decision = rule.decide(best.map { FAQMatch(rank: $0.rank, matchedTerms: $0.matchedTerms, queryTerms: $0.queryTerms) })
        guard case .answer(let confidence) = decision, let best,
            let article = try await KnowledgeStore(connection: connection, logger: logger).article(best.id, reader: .requester)
        else {
            if case .handOver(let reason) = decision { logger.debug("faq bot passes", metadata: ["reason": "\(reason.rawValue)"]) }
            return nil
        }
        if configuration.llm?.answersRequesters == true {
            // The model is slow and may fail: it drafts outside this transaction (FAQBotDraft).
            jobs.enqueueAtCommit(try NewJob(FAQBotDraftJob(ticketID: ticket.id, articleID: article.id)))
        } else {
            let link = BotAnswer.link(base: configuration.kbBaseURL, article: article)
            try await notify(
                requester, template: "bot_answer",
                text: ReplyText(locale: requester.locale).botAnswer(number: ticket.number, title: article.title, body: article.body, link: link),
                ticket: ticket, key: BotAnswer.key(ticket.id),
                extra: BotAnswer.extra(ticket: ticket, article: article, link: link, locale: requester.locale))
        }
        try await tickets.setStatus(ticket.id, to: .pendingRequester)
        jobs.enqueueAtCommit(try NewJob(FAQBotWaitJob(ticketID: ticket.id), schedule: .after(configuration.faqBotWait)))
        return NewTicketEvent(
            .botAnswered, actor: .bot,
            data: [
                "article_id": .int(article.id.rawValue), "confidence": .string(String(format: "%.3f", confidence)),
                "rank": .string(String(format: "%.3f", best.rank)), "inbound_item_id": .int(item.id.rawValue),
            ])
    }

    /// "This helped" under a bot answer: the ticket is resolved as deflected; any other ticket only
    /// records the press.
    func confirmHelped(_ ticket: TicketRecord, requester: ResolvedRequester) async throws -> IntakeOutcome {
        let ledger = FAQBotLedger(connection: connection, logger: logger)
        let data: [String: StoredJSON] = ["inbound_item_id": .int(item.id.rawValue)]
        try await tickets.recordEvent(ticket.id, "requester_confirmed_helped", actor: .requester(requester.id), data: data)
        guard try await ledger.awaitsRequester(ticket.id), try await ledger.resolveDeflected(ticket.id) else { return .recorded(ticket.id) }
        try await tickets.recordEvent(
            ticket.id, .statusChanged, actor: .requester(requester.id),
            data: ["from": .string(ticket.status.rawValue), "to": "resolved", "reason": "bot_deflected"])
        try await tickets.recordEvent(ticket.id, .deflected, actor: .requester(requester.id), data: data)
        try await reply(requester, template: "deflected", text: ReplyText(locale: requester.locale).deflected(number: ticket.number), ticket: ticket)
        return .recorded(ticket.id)
    }
}
