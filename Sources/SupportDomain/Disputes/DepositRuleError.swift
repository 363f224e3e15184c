public import SupportSchema

/// Why ``DepositRule`` refuses to start a deal or open a dispute on it.
public enum DepositRuleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The deal requires a deposit and the guarantor has not confirmed holding it.
    case depositNotConfirmed(DepositStatus)
    /// Only a `registered` deal can start.
    case notStartable(DealStatus)
    /// Disputes are about running deals; this one is not `active`.
    case notActive(DealStatus)
    case noDepositRequired
    case depositMove(from: DepositStatus, to: DepositStatus)

    public var description: String {
        switch self {
        case .depositNotConfirmed(let status): "the deal requires a deposit, which is \(status.rawValue)"
        case .notStartable(let status): "a \(status.rawValue) deal cannot start"
        case .notActive(let status): "a dispute needs an active deal, this one is \(status.rawValue)"
        case .noDepositRequired: "the deal requires no deposit"
        case .depositMove(let from, let to): "a deposit that is \(from.rawValue) cannot become \(to.rawValue)"
        }
    }
}
