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
            "SELECT requester_id, channel FROM ticket WHERE id = \(ticket.rawValue)", logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        let (requester, channel) = try row.decode((Int64, String).self)
        return try await of(requester: RequesterID(requester), preferring: SupportSchema.Channel(rawValue: channel), on: connection, logger: logger)
    }

    /// The route to `requester` outside any ticket (e.g. a dispute's respondent): Telegram first when
    /// `preferring` it or when there is no email, then email, then in-app.
    public static func of(
        requester: RequesterID, preferring preferred: SupportSchema.Channel? = .telegram, on connection: PostgresConnection, logger: Logger
    ) async throws -> RequesterRoute {
        let rows = try await connection.query(
            """
            SELECT r.locale,
                   (SELECT i.external_id FROM requester_identity i
                    WHERE i.requester_id = r.id AND i.channel = 'telegram' ORDER BY i.verified DESC, i.id LIMIT 1),
                   coalesce((SELECT i.external_id FROM requester_identity i
                             WHERE i.requester_id = r.id AND i.channel = 'email' ORDER BY i.verified DESC, i.id LIMIT 1),
                            r.contract_email)
            FROM requester r WHERE r.id = \(requester.rawValue)
            """, logger: logger
        ).collect()
        guard let row = rows.first else { return RequesterRoute(requesterID: requester, channel: .inApp, address: nil, locale: "ru") }
        let (locale, telegram, email) = try row.decode((String, String?, String?).self)
        if preferred == .telegram, let telegram {
            return RequesterRoute(requesterID: requester, channel: .telegram, address: telegram, locale: locale)
        }
        if let email { return RequesterRoute(requesterID: requester, channel: .email, address: email, locale: locale) }
        if let telegram { return RequesterRoute(requesterID: requester, channel: .telegram, address: telegram, locale: locale) }
        return RequesterRoute(requesterID: requester, channel: .inApp, address: nil, locale: locale)
    }
}
