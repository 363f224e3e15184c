public import Foundation

/// The half-open period `[from, to)` a report covers, at most ``maxDays`` long.
///
/// ```swift
/// let period = try ReportPeriod(from: monday, to: nextMonday)
/// ```
public struct ReportPeriod: Sendable, Hashable {
    public var from: Date
    public var to: Date

    /// Longer periods are still one scan, but a year is what the console asks for.
    public static let maxDays = 731

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case empty
        case tooLong
        public var description: String {
            switch self {
            case .empty: "to must be after from"
            case .tooLong: "the period may be at most \(ReportPeriod.maxDays) days"
            }
        }
    }

    public init(from: Date, to: Date) throws(Problem) {
        guard to > from else { throw .empty }
        guard to.timeIntervalSince(from) <= Double(Self.maxDays) * 86_400 else { throw .tooLong }
        self.from = from
        self.to = to
    }

    /// The moment the backlog is counted at: the period's end, or now for a period still running.
    public func asOf(now: Date) -> Date { min(to, now) }
}
