public import Foundation
public import SupportSchema

/// How fast notifications may go out, per recipient address and per channel, and how long to wait
/// when a window is full.
///
/// The defaults follow Telegram's published limits (one message a second to a chat, twenty a minute
/// to a group, thirty a second overall) and keep mail and webhooks polite. In-app has no limit.
public struct DeliveryRateLimit: Sendable, Hashable {
    /// At most `count` sends in any `seconds`.
    public struct Window: Sendable, Hashable {
        public var count: Int
        public var seconds: TimeInterval
        public init(_ count: Int, per seconds: TimeInterval) {
            self.count = count
            self.seconds = seconds
        }
    }

    public var perRecipient: [NotificationChannel: [Window]]
    public var perChannel: [NotificationChannel: [Window]]

    public init(perRecipient: [NotificationChannel: [Window]], perChannel: [NotificationChannel: [Window]]) {
        self.perRecipient = perRecipient
        self.perChannel = perChannel
    }

    public static let standard = DeliveryRateLimit(
        perRecipient: [
            .telegram: [Window(1, per: 1), Window(20, per: 60)],
            .email: [Window(10, per: 60)],
            .webhook: [Window(1, per: 1)],
        ],
        perChannel: [.telegram: [Window(30, per: 1)], .email: [Window(20, per: 1)], .webhook: [Window(20, per: 1)]])

    /// The longest window, so callers know how far back to look.
    public var lookback: TimeInterval {
        (perRecipient.values.joined().map(\.seconds) + perChannel.values.joined().map(\.seconds)).max() ?? 0
    }

    /// Seconds to wait before sending at `now`, or nil to send now, given the times of recent sends to the
    /// same recipient and on the same channel.
    public func delay(channel: NotificationChannel, now: Date, recipientSends: [Date], channelSends: [Date]) -> TimeInterval? {
        let waits = (perRecipient[channel] ?? []).compactMap { Self.wait($0, now: now, sends: recipientSends) }
            + (perChannel[channel] ?? []).compactMap { Self.wait($0, now: now, sends: channelSends) }
        return waits.max()
    }

    /// When the window is full, the time until its oldest send leaves it.
    static func wait(_ window: Window, now: Date, sends: [Date]) -> TimeInterval? {
        let recent = sends.filter { $0 > now.addingTimeInterval(-window.seconds) && $0 <= now }.sorted()
        guard recent.count >= window.count else { return nil }
        let leaving = recent[recent.count - window.count]
        return max(0.001, leaving.addingTimeInterval(window.seconds).timeIntervalSince(now))
    }
}
