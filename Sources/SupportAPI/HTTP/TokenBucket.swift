public import Foundation

/// A token bucket: up to ``capacity`` requests at once, refilled at ``refillPerSecond``.
/// Pure; ``RateLimiter`` keeps one per client.
public struct TokenBucket: Sendable, Hashable {
    public var capacity: Double
    public var refillPerSecond: Double
    public private(set) var tokens: Double
    public private(set) var updatedAt: Date

    public init(capacity: Double, refillPerSecond: Double, now: Date) {
        self.capacity = capacity
        self.refillPerSecond = refillPerSecond
        self.tokens = capacity
        self.updatedAt = now
    }

    /// Takes one token: nil when the request may go, else the seconds until one is available.
    public mutating func take(now: Date) -> TimeInterval? {
        refill(now: now)
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        guard refillPerSecond > 0 else { return .infinity }
        return (1 - tokens) / refillPerSecond
    }

    /// Whether the bucket is full again at `now` (an idle client; safe to forget).
    public func isFull(now: Date) -> Bool {
        tokens + max(0, now.timeIntervalSince(updatedAt)) * refillPerSecond >= capacity
    }

    private mutating func refill(now: Date) {
        let elapsed = max(0, now.timeIntervalSince(updatedAt))
        tokens = min(capacity, tokens + elapsed * refillPerSecond)
        updatedAt = max(updatedAt, now)
    }
}
