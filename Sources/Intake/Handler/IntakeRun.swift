import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportSchema
import SupportStore

/// One item's work inside the intake transaction: resolve the requester, then act on the intent.
///
/// Thin I/O around the pure rules (``TicketPlacement``, ``ReplyText``, ``SubjectLine``): it loads what the
/// rules need, applies their answer, and queues `routing` and `notify` jobs on the same transaction.
struct IntakeRun: Sendable {
    let item: InboundItemRow
    let request: InboundRequest
    let configuration: IntakeConfiguration
    let connection: PostgresConnection
    let jobs: TransactionEnqueuer
    let logger: Logger

    var tickets: TicketStore { TicketStore(connection: connection, logger: logger) }

    /// The note an edited telegram message is stored with, before its new text.
    static let editedPrefix = "[edited] "

    func run() async throws -> IntakeOutcome {
        let requester = try await RequesterStore(connection: connection, logger: logger).resolve(request.requester)
        switch request.intent {
        case .status(let number):
            return try await replyStatus(requester, askedNumber: number)
        case .start:
            try await reply(requester, template: "welcome", text: ReplyText(locale: requester.locale).welcome())
            return .replied(template: "welcome")
        case .rate(let score, let comment, let ticketID):
            return try await rate(requester, score: score, comment: comment, ticketID: ticketID)
        case .helped(let ticketID):
            guard let ticket = try await ownTicket(ticketID, of: requester) else {
                return .ignored(reason: "\"helped\" button for a ticket that is not the requester's")
            }
            return try await confirmHelped(ticket, requester: requester)
        case .handover(let ticketID):
            if let ticketID, let ticket = try await ownTicket(ticketID, of: requester), ticket.status.isActive,
                !request.hasContent
            {
                try await handOver(ticket, requester: requester)
                return .handedOver(ticket.id)
            }
            return try await place(requester, handover: true)
        case .message, .newTicket, .edited:
            return try await place(requester, handover: false)
        }
    }

    /// A ticket the button names, when it is this requester's (button data can be forged).
    func ownTicket(_ id: TicketID?, of requester: ResolvedRequester) async throws -> TicketRecord? {
        guard let id, let ticket = try await tickets.ticket(id), ticket.requesterID == requester.id else { return nil }
        return ticket
    }

    /// Hands the ticket to routing; a ticket waiting on the requester (after a bot answer) is open again.
    func handOver(_ ticket: TicketRecord, requester: ResolvedRequester) async throws {
        if ticket.status == .pendingRequester {
            try await tickets.setStatus(ticket.id, to: .open)
            try await tickets.recordEvent(
                ticket.id, .statusChanged, actor: .requester(requester.id),
                data: ["from": .string(ticket.status.rawValue), "to": "open", "reason": "handed_over"])
        }
        try await tickets.recordEvent(
            ticket.id, .handedOver, actor: .requester(requester.id), data: ["inbound_item_id": .int(item.id.rawValue)])
        try await route(ticket.id, .handover)
    }

    func route(_ ticket: TicketID, _ reason: RoutingJob.Reason) async throws {
        jobs.enqueueAtCommit(try NewJob(RoutingJob(ticketID: ticket, reason: reason)))
    }
}
