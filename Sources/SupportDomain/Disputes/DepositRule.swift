import SupportSchema

/// Users asked that a deal requiring a deposit never starts without it: the API checks here first,
/// and the `deal_deposit_before_start` constraint is the backstop.
///
/// ```swift
/// do { try DepositRule.checkStart(deal) } catch { throw HTTPError(.conflict, message: error.description) }
/// ```
public enum DepositRule {
    /// Whether the deposit condition holds: none required, or the guarantor holds (or has settled) it.
    public static func isSatisfied(_ deal: DealSnapshot) -> Bool {
        !deal.depositRequired || deal.depositStatus.allowsStart
    }

    /// `registered → active`: refused without the required deposit.
    public static func checkStart(_ deal: DealSnapshot) throws(DepositRuleError) {
        guard deal.status == .registered else { throw .notStartable(deal.status) }
        guard isSatisfied(deal) else { throw .depositNotConfirmed(deal.depositStatus) }
    }

    /// Opening a dispute: the deal must have started, so its deposit condition must hold too
    /// (checked again because imported deals may be inconsistent).
    public static func checkDisputeOpening(_ deal: DealSnapshot) throws(DepositRuleError) {
        guard deal.status == .active else { throw .notActive(deal.status) }
        guard isSatisfied(deal) else { throw .depositNotConfirmed(deal.depositStatus) }
    }

    /// The guarantor reports the deposit: `pending → held → released | refunded`. Repeating the
    /// current status is allowed (a retried callback); nothing moves back.
    public static func checkDepositMove(_ deal: DealSnapshot, to next: DepositStatus) throws(DepositRuleError) {
        guard deal.depositRequired else { throw .noDepositRequired }
        let allowed: Set<DepositStatus> = switch deal.depositStatus {
        case .notRequired: []
        case .pending: [.pending, .held]
        case .held: [.held, .released, .refunded]
        case .released: [.released]
        case .refunded: [.refunded]
        }
        guard allowed.contains(next) else { throw .depositMove(from: deal.depositStatus, to: next) }
    }
}
