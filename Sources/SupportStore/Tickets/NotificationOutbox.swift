import JobQueue
import Logging
import PostgresNIO
import SupportSchema

/// Writes `notification` rows for requesters and staff inside the caller's transaction, each with the
/// ``NotifyJob`` that delivers it.
///
/// ```swift
/// try await NotificationOutbox(connection: connection, logger: logger).send(ack, jobs: jobs)
/// ```
public struct NotificationOutbox: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Inserts a pending notification.
    /// - Returns: Its id, or nil when one with the same idempotency key exists (nothing to queue).
    public func insert(_ notification: NewNotification) async throws -> NotificationID? {
        let rows = try await connection.rows(of: InsertSQL.self, try Self.bindings(notification), logger: logger)
        return try rows.first.map { NotificationID(try $0.decode(Int64.self)) }
    }

    /// Inserts the notification and queues its delivery at the transaction's commit.
    /// - Returns: Its id, or nil when one with the same idempotency key exists (nothing is queued).
    @discardableResult
    public func send(
        _ notification: NewNotification, jobs: TransactionEnqueuer, schedule: NewJob.Schedule = .now
    ) async throws -> NotificationID? {
        guard let id = try await insert(notification) else { return nil }
        try queueDelivery(of: id, notification, jobs: jobs, schedule: schedule)
        return id
    }

    /// Queues the ``NotifyJob`` that delivers an inserted notification, at the transaction's commit.
    public func queueDelivery(
        of id: NotificationID, _ notification: NewNotification, jobs: TransactionEnqueuer, schedule: NewJob.Schedule = .now
    ) throws {
        jobs.enqueueAtCommit(
            try NewJob(
                NotifyJob(notificationID: id, idempotencyKey: notification.idempotencyKey, ticketID: notification.ticketID),
                schedule: schedule))
    }

    /// `$1`…`$8` of ``insertSQL``, for statements that insert a notification along with other work.
    static func bindings(_ notification: NewNotification, capacity: Int = 8) throws -> PostgresBindings {
        let payload = try StoredJSON.text(notification.payload)
        var requester: Int64?, staff: Int64?
        switch notification.recipient {
        case .requester(let id): requester = id.rawValue
        case .staff(let id): staff = id.rawValue
        }
        var bindings = PostgresBindings(capacity: capacity)
        bindings.append(requester)
        bindings.append(staff)
        bindings.append(notification.address)
        bindings.append(notification.channel.rawValue)
        bindings.append(notification.template)
        bindings.append(notification.ticketID?.rawValue)
        bindings.append(payload)
        bindings.append(notification.idempotencyKey)
        return bindings
    }

    /// The insert of one notification from ``bindings(_:capacity:)``: nothing when its key exists.
    static let insertSQL = """
        INSERT INTO notification (recipient_requester_id, recipient_staff_id, address, channel, template, ticket_id,
                                  payload, idempotency_key)
        VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING id
        """
    static let insertTypes: [PostgresDataType] = [.int8, .int8, .text, .text, .text, .int8, .text, .text]

    /// Two or more per ticket: prepared, not parsed and planned each time.
    private enum InsertSQL: RepeatedStatement {
        static let sql = NotificationOutbox.insertSQL
        static let parameterTypes = NotificationOutbox.insertTypes
    }
}
