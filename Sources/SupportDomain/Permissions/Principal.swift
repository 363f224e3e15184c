public import SupportSchema

/// Who is asking: a signed-in staff member with their roles, or a portal requester.
///
/// The API resolves a bearer token to one of these; every permission decision starts from it.
public enum Principal: Hashable, Sendable {
    case staff(StaffID, roles: Set<Role>)
    case requester(RequesterID)

    /// The staff id, or nil for a requester.
    public var staffID: StaffID? {
        if case .staff(let id, _) = self { id } else { nil }
    }

    /// The requester id, or nil for staff.
    public var requesterID: RequesterID? {
        if case .requester(let id) = self { id } else { nil }
    }

    /// The roles that count for the permission table: a requester holds only `.requester`.
    public var roles: Set<Role> {
        switch self {
        case .staff(_, let roles): roles
        case .requester: [.requester]
        }
    }

    /// The role written to `audit_log.actor_role`: the highest-ranking role held (owner first), so
    /// the log shows the capacity someone most likely acted in.
    public var auditRole: Role {
        switch self {
        case .requester: .requester
        case .staff(_, let roles):
            [Role.owner, .arbiter, .moderator, .coder, .agent].first { roles.contains($0) } ?? .agent
        }
    }
}
