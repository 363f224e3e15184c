public import Foundation
public import JobQueue
public import Logging
public import PostgresNIO
import SupportDomain
public import SupportSchema

/// Notifications to staff, each with its `notify` job, inside the caller's transaction.
///
/// Every one is in-app (the console's inbox). A staff member with a Telegram account also gets it on
/// their phone, except in their quiet hours: then it is held, and one digest of everything held is
/// scheduled for the moment the quiet ends.
public struct StaffNotifier: Sendable {
    public let connection: PostgresConnection
    public let jobs: TransactionEnqueuer
    public let logger: Logger

    public init(connection: PostgresConnection, jobs: TransactionEnqueuer, logger: Logger) {
        self.connection = connection
        self.jobs = jobs
        self.logger = logger
    }

    var outbox: NotificationOutbox { NotificationOutbox(connection: connection, logger: logger) }

    public func notify(
        _ staff: StaffID, template: String, text: String, ticket: TicketID, key: String, extra: [String: StoredJSON] = [:],
        now: Date = Date()
    ) async throws {
        var payload = extra
        payload["text"] = .string(text)
        let inApp = NewNotification(
            recipient: .staff(staff), channel: .inApp, address: nil, template: template, ticketID: ticket,
            payload: payload, idempotencyKey: key)
        var bindings = try NotificationOutbox.bindings(inApp, capacity: 9)
        bindings.append(staff.rawValue)
        let row = try await connection.rows(of: InAppAndPhoneSQL.self, bindings, logger: logger).first
        let (inserted, chat, zone, from, until) = try row?.decode((Int64?, Int64?, String?, String?, String?).self)
            ?? (nil, nil, nil, nil, nil)
        if let inserted { try outbox.queueDelivery(of: NotificationID(inserted), inApp, jobs: jobs) }

        guard let chat, let zone else { return }
        let phone = Self.phone(chat: chat, zone: zone, from: from, until: until)
        let copy = NewNotification(
            recipient: .staff(staff), channel: .telegram, address: phone.chat, template: template, ticketID: ticket,
            payload: payload, idempotencyKey: key + ":telegram")
        guard let quiet = phone.quiet, quiet.contains(now) else {
            try await outbox.send(copy, jobs: jobs)
            return
        }
        let end = quiet.end(after: now)
        let digestKey = "digest:\(staff):\(Int64(end.timeIntervalSince1970))"
        var held = copy
        held.payload["digest"] = .string(digestKey)
        _ = try await outbox.insert(held)
        try await outbox.send(
            NewNotification(
                recipient: .staff(staff), channel: .telegram, address: phone.chat, template: "digest", ticketID: nil,
                payload: ["text": "", "digest": .string(digestKey)], idempotencyKey: digestKey),
            jobs: jobs, schedule: .at(end))
    }

    /// The staff member's Telegram chat and quiet hours, from ``InAppAndPhoneSQL``.
    private static func phone(chat: Int64, zone: String, from: String?, until: String?) -> (chat: String, quiet: QuietHours?) {
        let quiet = from.flatMap(TimeOfDay.init).flatMap { from in
            until.flatMap(TimeOfDay.init).flatMap { QuietHours(from: from, until: $0, timeZoneIdentifier: zone) }
        }
        return (String(chat), quiet)
    }

    /// The in-app notification's insert and the staff member's Telegram chat and quiet hours (if they have
    /// a Telegram account) in one statement: one fewer per assignment.
    private enum InAppAndPhoneSQL: RepeatedStatement {
        static let sql = """
            WITH inserted AS (\(NotificationOutbox.insertSQL)),
                 phone AS (SELECT telegram_user_id, timezone, to_char(quiet_from, 'HH24:MI'), to_char(quiet_until, 'HH24:MI')
                           FROM staff WHERE id = $9 AND active AND telegram_user_id IS NOT NULL)
            SELECT (SELECT id FROM inserted), phone.* FROM (SELECT 1) AS one LEFT JOIN phone ON true
            """
        static let parameterTypes = NotificationOutbox.insertTypes + [.int8]
    }
}
