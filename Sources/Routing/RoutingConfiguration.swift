import Foundation
import SupportDomain
import SupportStore

/// Tunables of the routing worker.
public struct RoutingConfiguration: Sendable {
    public var decider: RoutingDecider
    /// How far back reports count as duplicates of a new one.
    public var incidentWindowMinutes: Int
    /// The clock decisions are made at (tests pin it).
    public var now: @Sendable () -> Date
    /// The process's copy of the teams, calendars, shifts and policies, shared by its jobs.
    public var desk: DeskSettingsCache

    public init(
        decider: RoutingDecider = RoutingDecider(), incidentWindowMinutes: Int = 120, now: @escaping @Sendable () -> Date = { Date() },
        desk: DeskSettingsCache = DeskSettingsCache()
    ) {
        self.decider = decider
        self.incidentWindowMinutes = incidentWindowMinutes
        self.now = now
        self.desk = desk
    }
}
