public import Foundation

/// The time buckets of a topic report (UTC days or ISO weeks starting on Monday), as PostgreSQL's
/// `date_trunc` cuts them.
public enum ReportBucket: String, CaseIterable, Codable, Sendable {
    case day
    case week

    /// At most this many buckets in one report, to keep the series and the chart readable.
    public static let maxBuckets = 366

    /// The start of the bucket holding `date`.
    public func start(of date: Date) -> Date {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = calendar.startOfDay(for: date)
        guard self == .week else { return day }
        let weekday = calendar.component(.weekday, from: day)  // 1 = Sunday
        let back = (weekday + 5) % 7
        return day.addingTimeInterval(-Double(back) * 86_400)
    }

    public var length: TimeInterval { self == .day ? 86_400 : 7 * 86_400 }

    /// The bucket starts covering `period`, first to last.
    public func starts(_ period: ReportPeriod) -> [Date] {
        var result: [Date] = []
        var cursor = start(of: period.from)
        while cursor < period.to, result.count < Self.maxBuckets {
            result.append(cursor)
            cursor = cursor.addingTimeInterval(length)
        }
        return result
    }
}
