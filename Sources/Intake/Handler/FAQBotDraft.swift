import AnswerDrafts
import Foundation
import JobQueue
import Logging
import SupportSchema
import SupportStore

/// The FAQ bot's answer drafted by the LLM (``FAQBotDraftJob``): load, draft with no transaction open,
/// then send the `bot_answer` in one. If the model fails, or is no longer configured, the article's
/// text goes out instead, so the requester always gets the answer the bot promised.
///
/// Idempotent: the notification is keyed per ticket (``BotAnswer/key(_:)``), and nothing is sent once the
/// requester has moved on (wrote, pressed a button, or the wait handed the ticket over).
struct FAQBotDraft: Sendable {
    enum Outcome: Sendable, Hashable {
        case sent(drafted: Bool)
        case noLongerWaiting
        case alreadySent
        case notFound
    }

    let queue: JobQueue
    let configuration: IntakeConfiguration
    let drafter: AnswerDrafter?
    let logger: Logger

    private struct Loaded: Sendable {
        var ticket: TicketRecord
        var article: KBArticle
        var material: AnswerDrafter.Material?
    }

    private enum Load: Sendable {
        case found(Loaded)
        case alreadySent
        case missing
    }

    func run(ticketID: TicketID, articleID: ArticleID) async throws -> Outcome {
        let logger = self.logger
        let kbBaseURL = configuration.kbBaseURL
        let load: Load = try await queue.client.withConnection { connection in
            let sent = try await connection.query(
                "SELECT 1 FROM notification WHERE idempotency_key = \(BotAnswer.key(ticketID))", logger: logger
            ).collect()
            guard sent.isEmpty else { return .alreadySent }  // a redelivery: do not pay for a second draft
            guard let ticket = try await TicketStore(connection: connection, logger: logger).ticket(ticketID),
                let article = try await KnowledgeStore(connection: connection, logger: logger).article(articleID, reader: .requester)
            else { return .missing }
            let material = try await AnswerDrafter.material(for: ticketID, reader: .requester, kbBaseURL: kbBaseURL, on: connection, logger: logger)
            return .found(Loaded(ticket: ticket, article: article, material: material))
        }
        let loaded: Loaded
        switch load {
        case .found(let found): loaded = found
        case .alreadySent: return .alreadySent
        case .missing: return .notFound
        }
        let link = BotAnswer.link(base: kbBaseURL, article: loaded.article)
        let draft = await self.draft(loaded.material)
        return try await queue.transaction { connection, jobs in
            guard try await FAQBotLedger(connection: connection, logger: logger).awaitsRequester(ticketID),
                let route = try await RequesterRoute.of(ticketID, on: connection, logger: logger)
            else { return Outcome.noLongerWaiting }
            let replies = ReplyText(locale: route.locale)
            let number = loaded.ticket.number
            var payload = BotAnswer.extra(ticket: loaded.ticket, article: loaded.article, link: link, locale: route.locale)
            payload["locale"] = .string(route.locale)
            if let draft {
                payload["text"] = .string(replies.botDraftAnswer(number: number, draft: draft.text, link: link))
                payload["drafted_by"] = .string(draft.model)
            } else {
                payload["text"] = .string(replies.botAnswer(number: number, title: loaded.article.title, body: loaded.article.body, link: link))
            }
            try await NotificationOutbox(connection: connection, logger: logger).send(
                NewNotification(
                    requesterID: route.requesterID, channel: route.channel, address: route.address, template: "bot_answer",
                    ticketID: ticketID, payload: payload, idempotencyKey: BotAnswer.key(ticketID)),
                jobs: jobs)
            return .sent(drafted: draft != nil)
        }
    }

    /// The model's draft, or nil (off, or failed: logged) so the article's text is sent.
    private func draft(_ material: AnswerDrafter.Material?) async -> AnswerDraft? {
        guard let drafter, let material else { return nil }
        do {
            return try await drafter.draft(material, audience: .requester)
        } catch {
            logger.warning("faq bot draft failed; sending the article", metadata: ["error": "\(error)"])
            return nil
        }
    }
}
