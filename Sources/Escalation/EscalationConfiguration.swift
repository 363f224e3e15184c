public import Foundation
public import SupportDomain
public import SupportStore

/// What the escalation worker decides with, and its clock (tests pin it).
public struct EscalationConfiguration: Sendable {
    public var ladder: EscalationLadder
    public var now: @Sendable () -> Date
    /// The process's copy of the teams, calendars, shifts and policies, shared by its jobs.
    public var desk: DeskSettingsCache

    public init(
        ladder: EscalationLadder = EscalationLadder(), now: @escaping @Sendable () -> Date = { Date() },
        desk: DeskSettingsCache = DeskSettingsCache()
    ) {
        self.ladder = ladder
        self.now = now
        self.desk = desk
    }
}
