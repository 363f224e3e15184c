/// How long to wait before restarting a child that died: doubling from `initial` to `maximum`, and
/// back to `initial` once a child has stayed up for `stableAfter`.
public struct RestartPolicy: Sendable, Equatable {
    public var initial: Duration = .milliseconds(500)
    public var maximum: Duration = .seconds(30)
    public var stableAfter: Duration = .seconds(60)

    public init() {}

    /// The delay before the next start, given the previous delay and how long the child ran.
    public func delay(previous: Duration?, ranFor uptime: Duration) -> Duration {
        guard let previous, uptime < stableAfter else { return initial }
        return min(previous * 2, maximum)
    }
}
