import Foundation
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema

/// Recent sends on a channel and to one address, read from `notification`, for the rate limit.
enum RecentSends {
    /// The delay the limit asks for before sending `row` now (database time), or nil.
    static func delay(for row: NotificationRow, limit: DeliveryRateLimit, on connection: PostgresConnection, logger: Logger) async throws -> TimeInterval? {
        guard row.channel != .inApp, limit.lookback > 0 else { return nil }
        let rows = try await connection.query(
            """
            SELECT now(), sent_at, address IS NOT DISTINCT FROM \(row.address) FROM notification
            WHERE channel = \(row.channel.rawValue) AND status = 'sent'
              AND sent_at > now() - make_interval(secs => \(limit.lookback))
            UNION ALL SELECT now(), NULL, false
            """, logger: logger
        ).collect()
        var now = Date()
        var recipient: [Date] = []
        var channel: [Date] = []
        for row in rows {
            let (at, sent, same) = try row.decode((Date, Date?, Bool).self)
            now = at
            guard let sent else { continue }
            channel.append(sent)
            if same { recipient.append(sent) }
        }
        return limit.delay(channel: row.channel, now: now, recipientSends: recipient, channelSends: channel)
    }
}
