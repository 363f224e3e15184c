/// The outcome of ``Authorization/decide(_:action:ticket:)``.
public enum AccessDecision: Hashable, Sendable {
    case allowed
    case denied(AccessDenial)

    public var isAllowed: Bool { self == .allowed }
}
