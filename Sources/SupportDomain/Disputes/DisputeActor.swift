public import SupportSchema

/// Who issues a ``DisputeCommand``; the machine checks it against the dispute's parties and seats.
public enum DisputeActor: Hashable, Sendable {
    /// An end user: a party of the dispute, or someone who is not (and is then refused).
    case requester(RequesterID)
    /// A staff member with the roles they hold now.
    case staff(StaffID, roles: Set<Role>)
    /// The arbitration worker: deadline jobs, draws, deliveries and the guarantor bot's callbacks.
    case system

    public var requesterID: RequesterID? {
        if case .requester(let id) = self { id } else { nil }
    }

    public var staffID: StaffID? {
        if case .staff(let id, _) = self { id } else { nil }
    }

    /// Staff holding `role`; never a requester or the system.
    public func holds(_ role: Role) -> Bool {
        if case .staff(_, let roles) = self { roles.contains(role) } else { false }
    }
}
