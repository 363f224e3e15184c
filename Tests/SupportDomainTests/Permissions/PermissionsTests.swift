import SupportDomain
import SupportSchema
import Testing

struct PermissionsTests {
    /// The whole role × action table, written out by hand. Change it only on purpose.
    static let table = """
        action          agent  moderator  arbiter  coder  owner  requester
        view_queue      Y      Y          Y        Y      Y      -
        view_ticket     Y      Y          Y        Y      Y      -
        reply           Y      Y          Y        Y      Y      -
        internal_note   Y      Y          Y        Y      Y      -
        reassign        Y      -          -        -      Y      -
        escalate        Y      Y          Y        Y      Y      -
        merge           Y      -          -        Y      Y      -
        decide_dispute  -      -          Y        -      Y      -
        approve_payout  -      -          -        -      Y      -
        manage_deals    Y      -          -        -      Y      -
        decide_appeal   -      Y          -        -      Y      -
        view_complaint  -      -          -        -      Y      -
        manage_kb       -      -          -        -      Y      -
        manage_rules    -      -          -        -      Y      -
        view_reports    -      -          -        -      Y      -
        manage_staff    -      -          -        -      Y      -
        operate_queue   -      -          -        Y      Y      -
        """

    /// (role, action, allowed) for every cell of ``table``.
    static let cells: [(Role, StaffAction, Bool)] = {
        let rows = table.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        let roles = rows[0].dropFirst().map { Role(rawValue: $0)! }
        return rows.dropFirst().flatMap { row in
            let action = StaffAction(rawValue: row[0])!
            return zip(roles, row.dropFirst()).map { ($0, action, $1 == "Y") }
        }
    }()

    @Test func theTableCoversEveryRoleAndAction() {
        #expect(Self.cells.count == Role.allCases.count * StaffAction.allCases.count)
        #expect(Set(Self.cells.map(\.0)) == Set(Role.allCases))
        #expect(Set(Self.cells.map(\.1)) == Set(StaffAction.allCases))
    }

    @Test(arguments: cells)
    func allowsExactlyWhatTheTableSays(role: Role, action: StaffAction, allowed: Bool) {
        #expect(Permissions.allows(role: role, action: action) == allowed, "\(role) \(action)")
        #expect(Permissions.allows(roles: [role], action: action) == allowed)
        #expect(Permissions.actions(for: role).contains(action) == allowed)
    }

    @Test func severalRolesAddUp() {
        #expect(Permissions.allows(roles: [.agent, .arbiter], action: .decideDispute))
        #expect(Permissions.allows(roles: [.agent, .arbiter], action: .reassign))
        #expect(!Permissions.allows(roles: [.agent, .arbiter], action: .approvePayout))
        #expect(Permissions.allows(roles: Set([.coder, .moderator]), action: .decideAppeal))
    }

    @Test func noRolesAllowNothing() {
        for action in StaffAction.allCases {
            #expect(!Permissions.allows(roles: [Role](), action: action))
        }
    }

    @Test func requestersHoldNoStaffAction() {
        #expect(Permissions.actions(for: .requester).isEmpty)
    }

    @Test func actionNamesAreTheAPINames() {
        #expect(StaffAction.allCases.map(\.rawValue) == [
            "view_queue", "view_ticket", "reply", "internal_note", "reassign", "escalate", "merge", "decide_dispute",
            "approve_payout", "manage_deals", "decide_appeal", "view_complaint", "manage_kb", "manage_rules", "view_reports",
            "manage_staff", "operate_queue",
        ])
    }
}
