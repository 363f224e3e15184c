public import SupportSchema

/// The role × action table: what each role may do at all.
///
/// This is the first of two checks. Row-level rules come on top and are decided elsewhere: a
/// requester sees only their own tickets, an arbiter only the disputes assigned to them, a
/// complaint is hidden from the staff member it names, conflicts of interest exclude people.
///
/// Requesters hold no staff action: the portal's "my tickets" and "reply" paths are governed by
/// ownership alone, so a staff endpoint can never be opened to them by this table.
///
/// ```swift
/// guard Permissions.allows(roles: staff.roles, action: .reassign) else { throw forbidden }
/// ```
public enum Permissions {
    /// Whether `role` may perform `action` (before row-level rules).
    public static func allows(role: Role, action: StaffAction) -> Bool {
        switch role {
        case .owner:
            // L3 runs the desk: everything, including payouts, complaints and configuration.
            true
        case .agent:
            switch action {
            case .viewQueue, .viewTicket, .reply, .internalNote, .reassign, .escalate, .merge, .manageDeals: true
            case .decideDispute, .approvePayout, .decideAppeal, .viewComplaint,
                .manageKB, .manageRules, .viewReports, .manageStaff, .operateQueue:
                false
            }
        case .moderator:
            switch action {
            case .viewQueue, .viewTicket, .reply, .internalNote, .escalate, .decideAppeal: true
            case .reassign, .merge, .decideDispute, .approvePayout, .viewComplaint, .manageDeals,
                .manageKB, .manageRules, .viewReports, .manageStaff, .operateQueue:
                false
            }
        case .arbiter:
            switch action {
            case .viewQueue, .viewTicket, .reply, .internalNote, .escalate, .decideDispute: true
            case .reassign, .merge, .approvePayout, .decideAppeal, .viewComplaint, .manageDeals,
                .manageKB, .manageRules, .viewReports, .manageStaff, .operateQueue:
                false
            }
        case .coder:
            // L2 links duplicate reports to incidents, hence merge; and runs the platform, hence the queue.
            switch action {
            case .viewQueue, .viewTicket, .reply, .internalNote, .escalate, .merge, .operateQueue: true
            case .reassign, .decideDispute, .approvePayout, .decideAppeal, .viewComplaint, .manageDeals,
                .manageKB, .manageRules, .viewReports, .manageStaff:
                false
            }
        case .requester:
            false
        }
    }

    /// Whether any of `roles` allows `action`: staff accounts hold several roles.
    public static func allows(roles: some Sequence<Role>, action: StaffAction) -> Bool {
        roles.contains { allows(role: $0, action: action) }
    }

    /// Every action `role` may perform, e.g. to render the console's menus.
    public static func actions(for role: Role) -> Set<StaffAction> {
        Set(StaffAction.allCases.filter { allows(role: role, action: $0) })
    }
}
