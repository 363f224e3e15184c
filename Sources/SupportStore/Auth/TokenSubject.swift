public import SupportSchema

/// Whose a bearer token is: `auth_token.staff_id` or `auth_token.requester_id`, exactly one.
public enum TokenSubject: Sendable, Hashable {
    case staff(StaffID)
    case requester(RequesterID)

    public var account: AccountKind {
        switch self {
        case .staff: .staff
        case .requester: .requester
        }
    }
}
