/// Opening hours for each weekday; a weekday that is absent is closed.
///
/// Intervals of a day are kept sorted and must not overlap, so that summing them gives the day's
/// business time.
public struct WeeklyHours: Hashable, Sendable, Codable {
    public let days: [Weekday: [OpeningHours]]

    /// `nil` if any day's intervals overlap.
    public init?(_ days: [Weekday: [OpeningHours]]) {
        var sorted: [Weekday: [OpeningHours]] = [:]
        for (weekday, intervals) in days where !intervals.isEmpty {
            let ordered = intervals.sorted { $0.opens < $1.opens }
            for (a, b) in zip(ordered, ordered.dropFirst()) where b.opens < a.closes { return nil }
            sorted[weekday] = ordered
        }
        self.days = sorted
    }

    /// The same interval on each of `weekdays`.
    public init(_ hours: OpeningHours, on weekdays: [Weekday]) {
        var days: [Weekday: [OpeningHours]] = [:]
        for day in weekdays { days[day] = [hours] }
        self.days = days
    }

    public func hours(on weekday: Weekday) -> [OpeningHours] { days[weekday] ?? [] }

    /// Open at some time during the week.
    public var isEverOpen: Bool { !days.isEmpty }

    /// The desk's default: Monday to Friday, 10:00–22:00.
    public static let standard = WeeklyHours(OpeningHours("10:00", "22:00")!, on: Weekday.workdays)

    /// Around the clock, every day: for wall-clock targets expressed as a calendar.
    public static let always = WeeklyHours(.allDay, on: Weekday.allCases)
}
