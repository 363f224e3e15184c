public import SupportSchema

/// The row-level rules on one ticket, applied after the role × action table allowed the action.
///
/// In order (the first that applies decides the reason):
/// 1. a requester acts only on their own tickets;
/// 2. the staff member a complaint names never sees it, whatever their roles (owners included);
/// 3. staff in a conflict of interest (a party, the punishing moderator) are excluded from the case;
/// 4. confidential tickets are for owners only;
/// 5. complaints need `view_complaint`;
/// 6. an arbiter whose only role allowing the action is `arbiter` acts only on disputes assigned to them.
///
/// The ticket list applies the same rules in SQL (``visibilityRules(for:action:)`` says which) and
/// this type again on every row it returns.
public enum TicketAccess {
    /// Why `principal` may not perform `action` on this ticket, or nil when the rows rules allow it.
    public static func denial(_ principal: Principal, action: StaffAction, ticket: TicketAccessFacts) -> AccessDenial? {
        switch principal {
        case .requester(let requester):
            return ticket.requesterID == requester ? nil : .notOwner
        case .staff(let staff, let roles):
            if ticket.namedStaffID == staff { return .namedInComplaint }
            if ticket.conflicts.excluded[staff] != nil { return .conflictOfInterest }
            if ticket.isConfidential && !roles.contains(.owner) { return .confidential }
            if ticket.isComplaint && !Permissions.allows(roles: roles, action: .viewComplaint) { return .complaint }
            if onlyAsArbiter(roles: roles, action: action) && !ticket.assignedArbiters.contains(staff) {
                return .notAssignedArbiter
            }
            return nil
        }
    }

    /// True when `arbiter` is the only held role that allows `action`: then the arbiter rule applies.
    public static func onlyAsArbiter(roles: Set<Role>, action: StaffAction) -> Bool {
        let granting = roles.filter { Permissions.allows(role: $0, action: action) }
        return granting == [.arbiter]
    }

    /// The row filters a staff list query must apply for this viewer, mirroring ``denial(_:action:ticket:)``.
    public static func visibilityRules(for roles: Set<Role>, action: StaffAction) -> VisibilityRules {
        VisibilityRules(
            hideConfidential: !roles.contains(.owner),
            hideComplaints: !Permissions.allows(roles: roles, action: .viewComplaint),
            onlyAssignedDisputes: onlyAsArbiter(roles: roles, action: action)
        )
    }

    /// Role-dependent filters for a staff member's ticket list. The viewer-dependent ones (named in a
    /// complaint, conflicts of interest) always apply.
    public struct VisibilityRules: Hashable, Sendable {
        public var hideConfidential: Bool
        public var hideComplaints: Bool
        public var onlyAssignedDisputes: Bool
    }
}
