import Foundation
import JobQueue
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
    /// At most `concurrentTransactions` routing transactions run at once in the process; jobs that arrive
    /// while they run wait and share the next one, up to `batchSize` tickets (``GroupCommitGate``).
    public var groupCommit: GroupCommitSettings

    public init(
        decider: RoutingDecider = RoutingDecider(), incidentWindowMinutes: Int = 120, now: @escaping @Sendable () -> Date = { Date() },
        desk: DeskSettingsCache = DeskSettingsCache(), groupCommit: GroupCommitSettings = GroupCommitSettings()
    ) {
        self.decider = decider
        self.incidentWindowMinutes = incidentWindowMinutes
        self.now = now
        self.desk = desk
        self.groupCommit = groupCommit
    }

    /// Reads `SUPPORT_ROUTING_BATCH_SIZE` (1…1000, default 16) and `SUPPORT_ROUTING_TRANSACTIONS` (1…256,
    /// default 4).
    /// - Throws: ``GroupCommitSettingsError`` naming the variable for a bad value.
    public init(environment: [String: String]) throws(GroupCommitSettingsError) {
        self.init(groupCommit: try GroupCommitSettings(environment: environment, prefix: "SUPPORT_ROUTING"))
    }
}
