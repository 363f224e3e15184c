public import Foundation

/// A one-off period (`staff_shift` with starts_at/ends_at): extra work when `available`, otherwise
/// time off that overrides the weekly shifts.
public struct ShiftPeriod: Hashable, Sendable, Codable {
    public var interval: DateInterval
    public var available: Bool

    public init(interval: DateInterval, available: Bool) {
        self.interval = interval
        self.available = available
    }

    /// Start inclusive, end exclusive.
    func contains(_ date: Date) -> Bool { interval.start <= date && date < interval.end }
}
