public import JobQueue
public import Logging
public import PostgresNIO
public import SupportSchema

/// In-app notifications to staff, each with its `notify` job, inside the caller's transaction.
public struct StaffNotifier: Sendable {
    public let connection: PostgresConnection
    public let jobs: TransactionEnqueuer
    public let logger: Logger

    public init(connection: PostgresConnection, jobs: TransactionEnqueuer, logger: Logger) {
        self.connection = connection
        self.jobs = jobs
        self.logger = logger
    }

    public func notify(_ staff: StaffID, template: String, text: String, ticket: TicketID, key: String, extra: [String: StoredJSON] = [:]) async throws {
        var payload = extra
        payload["text"] = .string(text)
        let notification = NewNotification(
            recipient: .staff(staff), channel: .inApp, address: nil, template: template, ticketID: ticket,
            payload: payload, idempotencyKey: key)
        try await NotificationOutbox(connection: connection, logger: logger).send(notification, jobs: jobs)
    }
}
