import Foundation
import Logging
import PostgresNIO
import SupportSchema

/// A `notification` row as delivery needs it.
struct NotificationRow: Sendable {
    var id: NotificationID
    var channel: NotificationChannel
    var address: String?
    var template: String
    var ticketNumber: Int64?
    var status: NotificationStatus
    /// The rendered content and its variables (`text`, `subject`, `in_reply_to`, …).
    var payload: [String: String]
    var idempotencyKey: String

    var text: String { payload["text"] ?? "" }

    static func load(_ id: NotificationID, on connection: PostgresConnection, logger: Logger) async throws -> NotificationRow? {
        let rows = try await connection.query(
            """
            SELECT n.channel, n.address, n.template, t.number, n.status,
                   (SELECT coalesce(jsonb_object_agg(key, value #>> '{}'), '{}') FROM jsonb_each(n.payload))::text,
                   n.idempotency_key
            FROM notification n LEFT JOIN ticket t ON t.id = n.ticket_id WHERE n.id = \(id.rawValue)
            """, logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        let (channel, address, template, number, status, payload, key) = try row.decode(
            (String, String?, String, Int64?, String, String, String).self)
        guard let channel = NotificationChannel(rawValue: channel), let status = NotificationStatus(rawValue: status) else {
            throw DeliveryError(message: "notification \(id): channel \(channel), status \(status)")
        }
        let fields = (try? JSONDecoder().decode([String: String].self, from: Data(payload.utf8))) ?? [:]
        return NotificationRow(
            id: id, channel: channel, address: address, template: template, ticketNumber: number, status: status,
            payload: fields, idempotencyKey: key)
    }

    /// A digest that found nothing held (already sent some other way): nothing to send.
    static func markEmptyDigest(_ id: NotificationID, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            "UPDATE notification SET status = 'digested', last_error = 'nothing held' WHERE id = \(id.rawValue) AND status = 'pending'",
            logger: logger)
    }

    /// Who may call the provider now.
    enum Lease: Sendable, Equatable {
        /// This delivery holds the lease until it records the outcome.
        case taken
        /// Another delivery holds it for this many more seconds.
        case held(seconds: Double)
        /// Sent, or finished otherwise, meanwhile: nothing to do.
        case finished
    }

    /// Takes the send lease if the row still needs sending and nobody else holds it.
    static func takeLease(_ id: NotificationID, for lease: Duration, on connection: PostgresConnection, logger: Logger) async throws -> Lease {
        let taken = try await connection.query(
            """
            UPDATE notification SET sending_until = now() + make_interval(secs => \(Double(lease.components.seconds))::float8)
            WHERE id = \(id.rawValue) AND status IN ('pending', 'failed') AND (sending_until IS NULL OR sending_until <= now())
            RETURNING id
            """, logger: logger
        ).collect()
        if !taken.isEmpty { return .taken }
        let rows = try await connection.query(
            """
            SELECT status IN ('pending', 'failed'), greatest(extract(epoch FROM sending_until - now()), 0)::float8
            FROM notification WHERE id = \(id.rawValue)
            """, logger: logger
        ).collect()
        guard let row = rows.first else { return .finished }
        let (open, remaining) = try row.decode((Bool, Double?).self)
        return open ? .held(seconds: max(remaining ?? 0, 0.1)) : .finished
    }

    /// Records the outcome of one attempt.
    static func record(_ id: NotificationID, _ outcome: DeliveryOutcome, on connection: PostgresConnection, logger: Logger) async throws {
        switch outcome {
        case .sent(let providerID):
            try await connection.query(
                """
                UPDATE notification SET status = 'sent', sent_at = now(), provider_message_id = \(providerID),
                    attempts = attempts + 1, last_error = NULL, sending_until = NULL
                WHERE id = \(id.rawValue) AND status <> 'sent'
                """, logger: logger)
        case .later:
            try await connection.query("UPDATE notification SET sending_until = NULL WHERE id = \(id.rawValue)", logger: logger)
        case .retry(let error), .undeliverable(let error):
            let status = if case .retry = outcome { "failed" } else { "undeliverable" }
            try await connection.query(
                """
                UPDATE notification SET status = \(status), attempts = attempts + 1, last_error = \(error), sending_until = NULL
                WHERE id = \(id.rawValue) AND status <> 'sent'
                """, logger: logger)
        }
    }
}

struct DeliveryError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
