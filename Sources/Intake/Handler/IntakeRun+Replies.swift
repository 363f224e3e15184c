import Foundation
import JobQueue
import SupportSchema
import SupportStore

extension IntakeRun {
    /// The auto-acknowledgement of a new ticket, naming the expected first-response time for the channel
    /// at the hour it arrived. Keyed `ack:<ticket id>`: one per ticket, whatever happens.
    func acknowledge(_ ticket: TicketRecord, requester: ResolvedRequester) async throws {
        let expected = configuration.slaPolicies.expectedFirstResponse(
            channel: ticket.channel, priority: .normal, receivedAt: item.receivedAt, calendar: configuration.calendar)
        let text = ReplyText(locale: requester.locale).ack(
            number: ticket.number, expectedBy: expected, receivedAt: item.receivedAt,
            timeZone: configuration.calendar.timeZone)
        try await notify(
            requester, template: "ack", text: text, ticket: ticket, key: "ack:\(ticket.id)",
            extra: [
                "ticket_number": .int(ticket.number),
                "expected_first_response_at": .string(expected.formatted(.iso8601)),
                "subject": .string("[#\(ticket.number)] \(ticket.subject)"),
            ])
    }

    /// `/status`: the requester's active tickets, or the one asked for.
    func replyStatus(_ requester: ResolvedRequester, askedNumber: Int64?) async throws -> IntakeOutcome {
        let list: [TicketRecord]
        if let askedNumber {
            list = try await tickets.ticket(number: askedNumber, requester: requester.id).map { [$0] } ?? []
        } else {
            list = try await tickets.activeTickets(requester: requester.id)
        }
        let text = ReplyText(locale: requester.locale).status(list, askedNumber: askedNumber)
        try await reply(requester, template: "status", text: text)
        return .replied(template: "status")
    }

    /// A reply to this item (status, welcome, rating answers): keyed by the item, so one per item.
    func reply(_ requester: ResolvedRequester, template: String, text: String, ticket: TicketRecord? = nil) async throws {
        try await notify(requester, template: template, text: text, ticket: ticket, key: "reply:\(item.id)")
    }

    /// Writes the notification and queues its `notify` job in this transaction (nothing when the key exists).
    func notify(
        _ requester: ResolvedRequester, template: String, text: String, ticket: TicketRecord?, key: String,
        extra: [String: StoredJSON] = [:]
    ) async throws {
        var payload = extra
        payload["text"] = .string(text)
        payload["locale"] = .string(requester.locale)
        if let answered = request.externalMessageID { payload["in_reply_to"] = .string(answered) }
        let notification = NewNotification(
            requesterID: requester.id, channel: request.replyRoute.channel, address: request.replyRoute.address,
            template: template, ticketID: ticket?.id, payload: payload, idempotencyKey: key)
        try await NotificationOutbox(connection: connection, logger: logger).send(notification, jobs: jobs)
    }
}
