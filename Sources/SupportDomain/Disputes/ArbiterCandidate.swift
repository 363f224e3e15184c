public import Foundation
public import SupportSchema

/// A staff member as the arbiter draw sees them: availability and the history that makes conflicts.
public struct ArbiterCandidate: Hashable, Sendable {
    public var id: StaffID
    public var roles: Set<Role>
    public var isActive: Bool
    /// Set by the staff member themselves.
    public var isAway: Bool
    /// The staff member's own requester accounts in the community; any of them being a party
    /// makes the staff member a party.
    public var requesterAccounts: Set<RequesterID>
    /// The last time they handled a ticket of each requester (assigned to it or replied on it).
    public var lastTicketHandled: [RequesterID: Date]
    /// The last time they issued or reviewed a punishment of each requester.
    public var lastPunishmentHandled: [RequesterID: Date]
    /// Requesters they were in a deal with (through their own accounts), at any time.
    public var dealCounterparties: Set<RequesterID>

    public init(
        id: StaffID, roles: Set<Role> = [.arbiter], isActive: Bool = true, isAway: Bool = false,
        requesterAccounts: Set<RequesterID> = [], lastTicketHandled: [RequesterID: Date] = [:],
        lastPunishmentHandled: [RequesterID: Date] = [:], dealCounterparties: Set<RequesterID> = []
    ) {
        self.id = id
        self.roles = roles
        self.isActive = isActive
        self.isAway = isAway
        self.requesterAccounts = requesterAccounts
        self.lastTicketHandled = lastTicketHandled
        self.lastPunishmentHandled = lastPunishmentHandled
        self.dealCounterparties = dealCounterparties
    }
}
