/// How fast one client may call a rate-limited endpoint: a burst, then a steady rate.
public struct RateLimit: Sendable, Hashable {
    /// Requests allowed back to back.
    public var burst: Int
    /// Requests per minute after the burst.
    public var perMinute: Int

    public init(burst: Int, perMinute: Int) {
        self.burst = burst
        self.perMinute = perMinute
    }
}
