/// Deliver one notification (queue `notify`).
///
/// The sender writes the `notification` row (recipient, channel, template, rendered payload and a
/// unique idempotency key) in its own transaction and enqueues this job with it; the worker sends
/// only while the row is not yet `sent`, so a job run twice sends one message.
public struct NotifyJob: JobPayload {
    public static let kind = "notify"
    public static let queue = QueueName.notify
    public static let currentSchemaVersion = 1

    public let schemaVersion: Int
    public var notificationID: NotificationID
    /// `notification.idempotency_key`, also sent to providers that accept one.
    public var idempotencyKey: String
    /// The ticket concerned, if any: for log metadata only.
    public var ticketID: TicketID?

    public init(notificationID: NotificationID, idempotencyKey: String, ticketID: TicketID? = nil) {
        self.schemaVersion = Self.currentSchemaVersion
        self.notificationID = notificationID
        self.idempotencyKey = idempotencyKey
        self.ticketID = ticketID
    }

    public var uniqueKey: String? { "notify:\(idempotencyKey)" }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case notificationID = "notification_id"
        case idempotencyKey = "idempotency_key"
        case ticketID = "ticket_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.schemaVersion = try JobPayloadCoding.decodeSchemaVersion(
            for: Self.self, from: container, forKey: .schemaVersion)
        self.notificationID = try container.decode(NotificationID.self, forKey: .notificationID)
        self.idempotencyKey = try container.decode(String.self, forKey: .idempotencyKey)
        self.ticketID = try container.decodeIfPresent(TicketID.self, forKey: .ticketID)
    }
}
