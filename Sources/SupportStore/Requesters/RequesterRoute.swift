public import Logging
public import PostgresNIO
public import SupportSchema

/// Where to tell a requester about their ticket when they did not just write: the ticket's own channel
/// when it can carry a message (Telegram, email), else their email, else the portal's in-app inbox.
public struct RequesterRoute: Sendable, Hashable {
    public var requesterID: RequesterID
    public var channel: NotificationChannel
    public var address: String?
    public var locale: String

    public static func of(_ ticket: TicketID, on connection: PostgresConnection, logger: Logger) async throws -> RequesterRoute? {
        let rows = try await connection.query(
            """
            SELECT t.requester_id, t.channel, r.locale,
                   (SELECT i.external_id FROM requester_identity i
                    WHERE i.requester_id = t.requester_id AND i.channel = 'telegram' ORDER BY i.verified DESC, i.id LIMIT 1),
                   coalesce((SELECT i.external_id FROM requester_identity i
                             WHERE i.requester_id = t.requester_id AND i.channel = 'email' ORDER BY i.verified DESC, i.id LIMIT 1),
                            r.contract_email)
            FROM ticket t JOIN requester r ON r.id = t.requester_id WHERE t.id = \(ticket.rawValue)
            """, logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        let (requester, channel, locale, telegram, email) = try row.decode((Int64, String, String, String?, String?).self)
        let id = RequesterID(requester)
        if channel == Channel.telegram.rawValue, let telegram {
            return RequesterRoute(requesterID: id, channel: .telegram, address: telegram, locale: locale)
        }
        if let email { return RequesterRoute(requesterID: id, channel: .email, address: email, locale: locale) }
        if let telegram { return RequesterRoute(requesterID: id, channel: .telegram, address: telegram, locale: locale) }
        return RequesterRoute(requesterID: id, channel: .inApp, address: nil, locale: locale)
    }
}
