import SupportSchema

/// Where answers to this requester go: the notification channel and address the item came from.
public struct ReplyRoute: Sendable, Hashable {
    public var channel: NotificationChannel
    /// Telegram chat id or email address; nil for `in_app` (the portal shows it).
    public var address: String?

    public init(channel: NotificationChannel, address: String?) {
        self.channel = channel
        self.address = address
    }

    /// Telegram: the private chat with the bot.
    public static func telegram(chatID: Int64) -> ReplyRoute { ReplyRoute(channel: .telegram, address: String(chatID)) }
    /// Email: the Reply-To or From address.
    public static func email(_ address: String) -> ReplyRoute { ReplyRoute(channel: .email, address: address) }
    /// No address: shown in the requester's portal.
    public static let inApp = ReplyRoute(channel: .inApp, address: nil)
}
