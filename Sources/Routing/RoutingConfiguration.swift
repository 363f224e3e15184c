import Foundation
import SupportDomain

/// Tunables of the routing worker.
public struct RoutingConfiguration: Sendable {
    public var decider: RoutingDecider
    /// How far back reports count as duplicates of a new one.
    public var incidentWindowMinutes: Int
    /// The clock decisions are made at (tests pin it).
    public var now: @Sendable () -> Date

    public init(decider: RoutingDecider = RoutingDecider(), incidentWindowMinutes: Int = 120, now: @escaping @Sendable () -> Date = { Date() }) {
        self.decider = decider
        self.incidentWindowMinutes = incidentWindowMinutes
        self.now = now
    }
}
