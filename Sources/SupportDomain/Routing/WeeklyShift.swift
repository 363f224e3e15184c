public import SupportSchema

/// A recurring weekly shift of a staff member (`staff_shift` with a weekday), in local time of
/// `timeZoneIdentifier`; `end <= start` means the shift runs past midnight into the next day.
public struct WeeklyShift: Hashable, Sendable, Codable {
    public var weekday: Weekday
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var timeZoneIdentifier: String

    public init(weekday: Weekday, start: TimeOfDay, end: TimeOfDay, timeZoneIdentifier: String = BusinessCalendar.defaultTimeZoneIdentifier) {
        self.weekday = weekday
        self.start = start
        self.end = end
        self.timeZoneIdentifier = timeZoneIdentifier
    }

    /// The shift as opening intervals that stay inside civil days.
    var pieces: [(Weekday, OpeningHours)] {
        if start < end { return OpeningHours(opens: start, closes: end).map { [(weekday, $0)] } ?? [] }
        let next = Weekday(rawValue: weekday.rawValue % 7 + 1)!
        return [
            OpeningHours(opens: start, closes: .endOfDay).map { (weekday, $0) },
            OpeningHours(opens: .midnight, closes: end).map { (next, $0) },
        ].compactMap { $0 }
    }
}
