public import Foundation

/// Slows password guessing down: a few free failures, then an exponentially growing wait, capped.
///
/// Pure: the store supplies the failures since the last success within ``window`` and the
/// database's clock; the API answers 429 with `Retry-After` while ``decide(failures:now:)`` says wait.
/// A throttled attempt checks no password and is not counted, so waiting it out always works.
///
/// ```swift
/// if case .wait(let until) = LoginThrottle().decide(failures: recent, now: now) { throw tooManyAttempts(until) }
/// ```
public struct LoginThrottle: Hashable, Sendable {
    /// Failures older than this are forgotten.
    public var window: TimeInterval
    /// Failures allowed back to back before any wait.
    public var freeFailures: Int
    /// The wait after the first failure beyond the free ones; doubles with every further failure.
    public var baseDelay: TimeInterval
    /// The longest wait.
    public var maxDelay: TimeInterval

    public init(window: TimeInterval = 15 * 60, freeFailures: Int = 5, baseDelay: TimeInterval = 1, maxDelay: TimeInterval = 15 * 60) {
        self.window = window
        self.freeFailures = freeFailures
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    public enum Decision: Hashable, Sendable {
        case allowed
        /// Try again at this time.
        case wait(until: Date)
    }

    /// The wait imposed after `failures` consecutive failures; zero while they are free.
    public func delay(afterFailures failures: Int) -> TimeInterval {
        let over = failures - freeFailures
        guard over > 0 else { return 0 }
        // 2^(over-1), without overflow for huge counts.
        let doublings = min(over - 1, 40)
        return min(baseDelay * Double(1 << doublings), maxDelay)
    }

    /// - Parameters:
    ///   - failures: times of failed attempts for one login since its last success (any order);
    ///     those older than ``window`` are ignored here, so the store may over-fetch.
    ///   - now: the database's clock.
    public func decide(failures: [Date], now: Date) -> Decision {
        let recent = failures.filter { $0 > now.addingTimeInterval(-window) && $0 <= now }
        guard let last = recent.max() else { return .allowed }
        let until = last.addingTimeInterval(delay(afterFailures: recent.count))
        return until > now ? .wait(until: until) : .allowed
    }
}
