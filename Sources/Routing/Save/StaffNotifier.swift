import JobQueue
import Logging
import PostgresNIO
import SupportSchema
import SupportStore

/// In-app notifications to staff, each with its `notify` job, inside the routing transaction.
struct StaffNotifier: Sendable {
    let connection: PostgresConnection
    let jobs: TransactionEnqueuer
    let logger: Logger

    func notify(_ staff: StaffID, template: String, text: String, ticket: TicketID, key: String, extra: [String: StoredJSON] = [:]) async throws {
        var payload = extra
        payload["text"] = .string(text)
        let notification = NewNotification(
            recipient: .staff(staff), channel: .inApp, address: nil, template: template, ticketID: ticket,
            payload: payload, idempotencyKey: key)
        try await NotificationOutbox(connection: connection, logger: logger).send(notification, jobs: jobs)
    }
}
