public import Foundation
public import SupportSchema

/// A staff member as the assigner sees them at one instant.
public struct StaffCandidate: Hashable, Sendable {
    public var id: StaffID
    public var roles: Set<Role>
    public var skills: Set<String>
    public var isActive: Bool
    /// Set by the staff member themselves.
    public var isAway: Bool
    /// Open tickets assigned to them; the loader may stop counting at ``capacity``.
    public var activeTickets: Int
    public var capacity: Int
    public var onShift: Bool
    /// When the next shift starts, if off shift now (nil if none is planned).
    public var nextShiftStart: Date?
    /// For round-robin among equally loaded staff.
    public var lastAssignedAt: Date?

    public init(
        id: StaffID, roles: Set<Role>, skills: Set<String> = [], isActive: Bool = true, isAway: Bool = false,
        activeTickets: Int = 0, capacity: Int = 20, onShift: Bool = true, nextShiftStart: Date? = nil,
        lastAssignedAt: Date? = nil
    ) {
        self.id = id
        self.roles = roles
        self.skills = skills
        self.isActive = isActive
        self.isAway = isAway
        self.activeTickets = activeTickets
        self.capacity = capacity
        self.onShift = onShift
        self.nextShiftStart = nextShiftStart
        self.lastAssignedAt = lastAssignedAt
    }

    public var hasRoom: Bool { activeTickets < capacity }
}
