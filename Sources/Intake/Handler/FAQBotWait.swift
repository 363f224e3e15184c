import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportSchema
import SupportStore

/// The end of the FAQ bot's wait on a ticket (``FAQBotWaitJob``): a ticket still waiting on the bot's
/// answer (no button, no reply) goes to a person, like "call an operator" but on the bot's behalf.
///
/// Idempotent: the hand-over is recorded as `handed_over`, after which ``FAQBotLedger/awaitsRequester(_:)``
/// is false and a second delivery does nothing; the requester's message is keyed per ticket.
struct FAQBotWait: Sendable {
    enum Outcome: Sendable, Hashable {
        case handedOver
        /// The requester answered, pressed a button, or staff moved the ticket on.
        case noLongerWaiting
        case notFound
    }

    let ticketID: TicketID
    let connection: PostgresConnection
    let jobs: TransactionEnqueuer
    let logger: Logger

    func run() async throws -> Outcome {
        let tickets = TicketStore(connection: connection, logger: logger)
        let locked = try await connection.query(
            "SELECT status FROM ticket WHERE id = \(ticketID.rawValue) FOR UPDATE", logger: logger
        ).collect()
        guard let statusText = try locked.first?.decode(String.self) else { return .notFound }
        guard statusText == TicketStatus.pendingRequester.rawValue,
            try await FAQBotLedger(connection: connection, logger: logger).awaitsRequester(ticketID),
            let ticket = try await tickets.ticket(ticketID)
        else { return .noLongerWaiting }
        try await tickets.setStatus(ticketID, to: .open)
        try await tickets.recordEvent(
            ticketID, .statusChanged, actor: .bot, data: ["from": .string(statusText), "to": "open", "reason": "no_answer"])
        try await tickets.recordEvent(ticketID, .handedOver, actor: .bot, data: ["reason": "no_answer"])
        jobs.enqueueAtCommit(try NewJob(RoutingJob(ticketID: ticketID, reason: .handover)))
        if let route = try await RequesterRoute.of(ticketID, on: connection, logger: logger) {
            let text = ReplyText(locale: route.locale).botWaitEnded(number: ticket.number)
            try await NotificationOutbox(connection: connection, logger: logger).send(
                NewNotification(
                    requesterID: route.requesterID, channel: route.channel, address: route.address, template: "bot_wait_ended",
                    ticketID: ticketID,
                    payload: [
                        "text": .string(text), "locale": .string(route.locale), "ticket_number": .int(ticket.number),
                        "subject": .string("[#\(ticket.number)] \(ticket.subject)"),
                    ],
                    idempotencyKey: "bot_wait_ended:\(ticketID)"),
                jobs: jobs)
        }
        return .handedOver
    }
}
