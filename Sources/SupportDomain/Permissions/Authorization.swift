import SupportSchema

/// The one permission decision: the role × action table, then the row-level rules of ``TicketAccess``.
///
/// Every API endpoint asks this (through the API's authorizer, which also audits denials), so
/// there is one place to read who may do what.
///
/// ```swift
/// switch Authorization.decide(.staff(id, roles: [.agent]), action: .viewTicket, ticket: facts) {
/// case .allowed: …
/// case .denied(let reason): throw forbidden(reason)
/// }
/// ```
public enum Authorization {
    /// What a portal requester may do, and only on their own tickets: read them and reply.
    public static let requesterActions: Set<StaffAction> = [.viewTicket, .reply]

    /// - Parameters:
    ///   - principal: who asks.
    ///   - action: what they want to do.
    ///   - ticket: the ticket acted on; nil for actions on no single ticket (a list, managing staff).
    public static func decide(_ principal: Principal, action: StaffAction, ticket: TicketAccessFacts? = nil) -> AccessDecision {
        switch principal {
        case .requester:
            guard requesterActions.contains(action) else { return .denied(.role) }
        case .staff(_, let roles):
            guard Permissions.allows(roles: roles, action: action) else { return .denied(.role) }
        }
        guard let ticket else { return .allowed }
        return TicketAccess.denial(principal, action: action, ticket: ticket).map(AccessDecision.denied) ?? .allowed
    }
}
