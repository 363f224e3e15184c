import Foundation

/// What one delivery attempt came to.
enum DeliveryOutcome: Sendable, Equatable {
    /// Accepted by the provider (its message id, if it gives one).
    case sent(providerID: String?)
    /// Worth another try later (network trouble, 429, 5xx, SMTP 4xx).
    case retry(String)
    /// The provider asked to wait this many seconds (Telegram's 429 `retry_after`): not a failure.
    case later(TimeInterval, String)
    /// Never deliverable as it stands (no address, chat blocked the bot, SMTP 5xx, webhook 4xx).
    case undeliverable(String)
}
