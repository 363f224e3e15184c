public import Foundation
public import SupportSchema

/// The desk's dispute rules (`dispute_settings`): payout approval thresholds per currency, waiting
/// times per state, and the conflict-of-interest window of the arbiter draw.
///
/// ```swift
/// let settings = DisputeSettings(thresholds: ["*": 1000, "BTC": 0.05])
/// let machine = settings.machine(currency: "BTC")   // payouts above 0.05 BTC need an owner's approval
/// ```
public struct DisputeSettings: Hashable, Sendable {
    /// Amount per currency code; `"*"` applies to every other currency. No entry: no approval needed.
    public var thresholds: [String: Decimal]
    public var businessMinutes: [DisputeState: Int]
    public var conflictWindowDays: Int
    public var calendar: BusinessCalendar

    public init(
        thresholds: [String: Decimal] = ["*": 1000], businessMinutes: [DisputeState: Int] = [:],
        conflictWindowDays: Int = ArbiterDraw.defaultConflictWindowDays, calendar: BusinessCalendar = .standard
    ) {
        self.thresholds = thresholds
        self.businessMinutes = businessMinutes
        self.conflictWindowDays = conflictWindowDays
        self.calendar = calendar
    }

    public func threshold(currency: String) -> Decimal? {
        thresholds[currency] ?? thresholds["*"]
    }

    /// The state machine for a deal in `currency`.
    public func machine(currency: String) -> DisputeMachine {
        DisputeMachine(
            deadlines: DisputeDeadlines(calendar: calendar, businessMinutes: businessMinutes),
            payoutApprovalThreshold: threshold(currency: currency))
    }
}
