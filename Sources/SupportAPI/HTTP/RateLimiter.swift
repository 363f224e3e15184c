import Foundation

/// One token bucket per client key (the peer address), in this process's memory.
///
/// Each API copy limits on its own, so N copies allow N times the rate: enough to stop one client
/// flooding the public intake, which is the point. Idle clients are forgotten when the table grows.
actor RateLimiter {
    let limit: RateLimit
    private var buckets: [String: TokenBucket] = [:]
    /// Past this many clients, buckets that have refilled completely are dropped.
    let maxClients: Int

    init(limit: RateLimit, maxClients: Int = 10_000) {
        self.limit = limit
        self.maxClients = maxClients
    }

    /// nil when `key` may make a request now, else the seconds to wait.
    func take(_ key: String, now: Date = Date()) -> TimeInterval? {
        if buckets.count >= maxClients {
            buckets = buckets.filter { !$0.value.isFull(now: now) }
        }
        var bucket = buckets[key]
            ?? TokenBucket(capacity: Double(limit.burst), refillPerSecond: Double(limit.perMinute) / 60, now: now)
        let wait = bucket.take(now: now)
        buckets[key] = bucket
        return wait
    }
}
