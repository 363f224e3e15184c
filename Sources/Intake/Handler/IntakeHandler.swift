import AnswerDrafts
import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportSchema
import SupportStore

/// The intake worker's job: one raw inbound item → requester → ticket and message → acknowledgement →
/// `routing`, all in one transaction with the follow-up jobs.
///
/// The queue delivers at least once, so the handler is idempotent: it locks the item row, does nothing
/// unless the item is still `received`, and ends by marking it. Bad input marks the item `failed` and the
/// job completes (a retry cannot fix it); a database error throws and the queue retries with backoff.
///
/// ```swift
/// var handlers = JobHandlerRegistry()
/// IntakeHandler(queue: JobQueue(client: client, logger: logger)).register(in: &handlers)
///
/// // Without a worker (tests, tools):
/// let outcome = try await IntakeHandler(queue: queue).process(inboundItemID: id)
/// ```
public struct IntakeHandler: Sendable {
    public let queue: JobQueue
    public let configuration: IntakeConfiguration
    /// Shared by the handler's concurrent `intake` jobs.
    private let gate: GroupCommitGate<InboundItemID, IntakeOutcome>

    public init(queue: JobQueue, configuration: IntakeConfiguration = IntakeConfiguration()) {
        self.queue = queue
        self.configuration = configuration
        self.gate = configuration.groupCommit.gate()
    }

    /// Registers the `intake`, `faq_bot_wait` and `faq_bot_draft` job kinds.
    public func register(in registry: inout JobHandlerRegistry) {
        registry.register(IntakeJob.self) { context, job in
            try await process(inboundItemID: job.inboundItemID, logger: context.logger)
        }
        registry.register(FAQBotWaitJob.self) { context, job in
            try await endBotWait(ticketID: job.ticketID, logger: context.logger)
        }
        registry.register(FAQBotDraftJob.self) { context, job in
            try await sendBotDraft(ticketID: job.ticketID, articleID: job.articleID, logger: context.logger)
        }
    }

    /// Drafts the FAQ bot's answer with the LLM and sends it (the article's text if the model fails).
    /// - Returns: whether a draft (not the article's text) was sent; nil when nothing was sent.
    @discardableResult
    public func sendBotDraft(ticketID: TicketID, articleID: ArticleID, logger: Logger? = nil) async throws -> Bool? {
        var logger = logger ?? queue.logger
        logger[metadataKey: "ticket_id"] = "\(ticketID)"
        let drafter = configuration.llm.map { AnswerDrafter(client: ChatCompletionsClient(http: .shared, configuration: $0)) }
        let outcome = try await FAQBotDraft(queue: queue, configuration: configuration, drafter: drafter, logger: logger)
            .run(ticketID: ticketID, articleID: articleID)
        logger.info("faq bot draft", metadata: ["outcome": "\(outcome)"])
        if case .sent(let drafted) = outcome { return drafted }
        return nil
    }

    /// Hands a ticket the FAQ bot answered to a person when the requester never answered the bot.
    /// - Returns: whether it was handed over (false: it no longer waits on the bot, or is gone).
    @discardableResult
    public func endBotWait(ticketID: TicketID, logger: Logger? = nil) async throws -> Bool {
        var logger = logger ?? queue.logger
        logger[metadataKey: "ticket_id"] = "\(ticketID)"
        let outcome = try await queue.transaction { [logger] connection, jobs in
            try await FAQBotWait(ticketID: ticketID, connection: connection, jobs: jobs, logger: logger).run()
        }
        logger.info("faq bot wait ended", metadata: ["outcome": "\(outcome)"])
        return outcome == .handedOver
    }

    /// Processes one inbound item; safe to call any number of times for the same item. Under load it shares
    /// a transaction with the items other jobs are processing at the same moment (``GroupCommitGate``).
    @discardableResult
    public func process(inboundItemID id: InboundItemID, logger: Logger? = nil) async throws -> IntakeOutcome {
        var logger = logger ?? queue.logger
        logger[metadataKey: "inbound_item_id"] = "\(id)"
        let outcome = try await gate.submit(id) { [logger] ids in try await process(together: ids, logger: logger) }
        log(outcome, logger: logger)
        return outcome
    }

    /// Jobs waiting to share the next transaction (tests watch it).
    var itemsWaiting: Int { gate.waitingCount }

    /// Handles the items one after another in one transaction, in the order given; an item listed twice is
    /// handled once.
    private func process(together ids: [InboundItemID], logger: Logger) async throws -> [IntakeOutcome] {
        let (configuration, base) = (self.configuration, queue.logger)
        return try await queue.transaction { connection, jobs in
            let items = try await InboundItemRow.lock(ids, on: connection, logger: logger)
            var outcomes: [IntakeOutcome] = []
            var handled: [InboundItemID: IntakeOutcome] = [:]
            for id in ids {
                if let earlier = handled[id] {
                    outcomes.append(earlier.mark.map { .alreadyHandled($0.status) } ?? earlier)
                    continue
                }
                // A shared run logs each item without the leading job's metadata.
                var itemLogger = ids.count == 1 ? logger : base
                itemLogger[metadataKey: "inbound_item_id"] = "\(id)"
                let outcome = try await Self.handle(
                    items[id], configuration: configuration, connection: connection, jobs: jobs, logger: itemLogger)
                handled[id] = outcome
                outcomes.append(outcome)
            }
            try await InboundItemRow.mark(Array(zip(ids, outcomes)), on: connection, logger: logger)
            return outcomes
        }
    }

    /// One locked item's work: parse, check, act. Marking it is left to the caller.
    private static func handle(
        _ item: InboundItemRow?, configuration: IntakeConfiguration, connection: PostgresConnection, jobs: TransactionEnqueuer,
        logger: Logger
    ) async throws -> IntakeOutcome {
        guard let item else { return .notFound }
        guard item.status == .received else { return .alreadyHandled(item.status) }
        let parsed = Result { () throws(InboundParseError) in
            try configuration.parser.parse(channel: item.channel, raw: item.raw)
        }
        switch parsed {
        case .failure(let error):
            return .failed(error: error.message)
        case .success(.ignore(let reason)):
            return .ignored(reason: reason)
        case .success(.request(let request)):
            if let problem = try await unknownReference(in: request, on: connection, logger: logger) {
                return .failed(error: problem)
            }
            return try await IntakeRun(
                item: item, request: request, configuration: configuration, connection: connection, jobs: jobs, logger: logger
            ).run()
        }
    }

    /// Checks what the item names but parsing cannot know, before anything is written.
    private static func unknownReference(in request: InboundRequest, on connection: PostgresConnection, logger: Logger)
        async throws -> String?
    {
        guard let staff = request.loggedByStaffID else { return nil }
        let exists = try await connection.query(
            "SELECT 1 FROM staff WHERE id = \(staff.rawValue)", logger: logger
        ).collect().isEmpty == false
        return exists ? nil : "logged_by_staff_id: no staff member \(staff)"
    }

    private func log(_ outcome: IntakeOutcome, logger: Logger) {
        var logger = logger
        if let ticket = outcome.ticketID { logger[metadataKey: "ticket_id"] = "\(ticket)" }
        switch outcome {
        case .failed:
            logger.warning("inbound item failed to parse", metadata: ["outcome": "\(outcome)"])
        case .notFound:
            logger.warning("inbound item not found")
        default:
            logger.info("inbound item handled", metadata: ["outcome": "\(outcome)"])
        }
    }
}
