public import SupportSchema

/// SLA targets for one channel and priority, as in a `sla_policy` row.
///
/// Targets are minutes of business time on the team's calendar when `businessHours` is set, and of
/// wall-clock time otherwise (phone and social media are answered around the clock).
public struct SLAPolicy: Hashable, Sendable, Codable {
    public var firstResponseMinutes: Int
    public var nextResponseMinutes: Int
    public var resolutionMinutes: Int
    public var businessHours: Bool

    public init(firstResponseMinutes: Int, nextResponseMinutes: Int, resolutionMinutes: Int, businessHours: Bool) {
        self.firstResponseMinutes = firstResponseMinutes
        self.nextResponseMinutes = nextResponseMinutes
        self.resolutionMinutes = resolutionMinutes
        self.businessHours = businessHours
    }

    /// The target of one clock.
    public func minutes(for clock: SLAClockKind) -> Int {
        switch clock {
        case .firstResponse: firstResponseMinutes
        case .nextResponse: nextResponseMinutes
        case .resolution: resolutionMinutes
        }
    }

    /// The same policy with every target scaled for `priority`: high halves, critical quarters
    /// (rounded down), low and normal keep the channel's targets.
    public func scaled(for priority: Priority) -> SLAPolicy {
        let divisor =
            switch priority {
            case .low, .normal: 1
            case .high: 2
            case .critical: 4
            }
        return SLAPolicy(
            firstResponseMinutes: firstResponseMinutes / divisor,
            nextResponseMinutes: nextResponseMinutes / divisor,
            resolutionMinutes: max(1, resolutionMinutes / divisor),
            businessHours: businessHours)
    }
}
