public import Foundation
public import JobQueue
public import Logging
public import PostgresNIO
public import SupportSchema

/// The rating request sent when a ticket is resolved, on the requester's channel and inside the
/// resolving transaction: Telegram gets buttons 1–5 (`csat:<ticket>:<score>`), email a link with an
/// opaque token that works without a login, the portal's inbox a note (rated through
/// `POST /api/v1/tickets/{id}/csat`). One request per resolution: a reopened ticket resolved again asks again.
public struct CSATRequest: Sendable {
    public var ticketID: TicketID
    /// Where people reach the portal (`SUPPORT_PUBLIC_URL`), for the mailed link.
    public var publicURL: String

    public init(ticketID: TicketID, publicURL: String) {
        self.ticketID = ticketID
        self.publicURL = publicURL
    }

    public func send(on connection: PostgresConnection, jobs: TransactionEnqueuer, logger: Logger) async throws {
        let rows = try await connection.query(
            "SELECT number, subject, reopen_count FROM ticket WHERE id = \(ticketID.rawValue)", logger: logger
        ).collect()
        guard let row = rows.first, let route = try await RequesterRoute.of(ticketID, on: connection, logger: logger) else { return }
        let (number, subject, round) = try row.decode((Int64, String, Int).self)
        let english = route.locale == "en"
        var payload: [String: StoredJSON] = [
            "subject": .string("[#\(number)] \(subject)"), "ticket_number": .int(number), "ticket_id": .int(ticketID.rawValue),
        ]
        let question = english
            ? "Your request #\(number) is resolved. How satisfied are you, from 1 (bad) to 5 (excellent)?"
            : "Ваше обращение #\(number) решено. Оцените, пожалуйста, работу поддержки от 1 (плохо) до 5 (отлично)."
        switch route.channel {
        case .telegram:
            payload["text"] = .string(question)
            payload["keyboard"] = "csat_scores"
        case .email:
            let token = try await CSATLinkStore(connection: connection, logger: logger).create(for: ticketID)
            let link = "\(publicURL)/portal/rate?token=\(token)"
            payload["text"] = .string(question + "\n\n" + (english ? "Rate it here: " : "Оценить: ") + link)
        default:
            payload["text"] = .string(question)
        }
        try await NotificationOutbox(connection: connection, logger: logger).send(
            NewNotification(
                requesterID: route.requesterID, channel: route.channel, address: route.address, template: "csat_request",
                ticketID: ticketID, payload: payload, idempotencyKey: "csat-request:\(ticketID):\(round)"),
            jobs: jobs)
    }
}
