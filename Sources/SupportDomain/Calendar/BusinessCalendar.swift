public import Foundation

/// When the desk works: a time zone, weekly opening hours and holidays.
///
/// SLA targets such as "email: 24 business hours" run only while the calendar is open, so a ticket
/// that arrives on Friday at 21:30 has used 30 minutes by Monday 10:00. Everything is computed in the
/// calendar's own time zone with Foundation's `Calendar`, so zones with daylight saving time keep
/// their local opening hours across the switch.
///
/// ```swift
/// let calendar = BusinessCalendar.standard   // Mon–Fri 10:00–22:00 Asia/Yekaterinburg
/// let due = calendar.add(businessMinutes: 24 * 60, to: receivedAt)
/// if !calendar.isOpen(at: now) { tell(requester, "we answer from \(calendar.nextOpening(after: now))") }
/// ```
public struct BusinessCalendar: Hashable, Sendable {
    public let timeZone: TimeZone
    public let weeklyHours: WeeklyHours
    /// Closed days, as dates in ``timeZone``.
    public let holidays: Set<CivilDate>
    private let calendar: Calendar

    /// The desk's home zone (UTC+5, no daylight saving time).
    public static let defaultTimeZoneIdentifier = "Asia/Yekaterinburg"

    /// - Parameters:
    ///   - timeZone: the zone opening hours and holidays are read in.
    ///   - weeklyHours: opening intervals per weekday; must be open at some time of the week.
    ///   - holidays: days closed all day, in `timeZone`.
    public init(timeZone: TimeZone, weeklyHours: WeeklyHours = .standard, holidays: Set<CivilDate> = [])
        throws(BusinessCalendarError)
    {
        guard weeklyHours.isEverOpen else { throw .neverOpen }
        self.timeZone = timeZone
        self.weeklyHours = weeklyHours
        self.holidays = holidays
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// - Parameter timeZoneIdentifier: an IANA name such as `Asia/Yekaterinburg` or `Europe/Berlin`.
    public init(
        timeZoneIdentifier: String = defaultTimeZoneIdentifier,
        weeklyHours: WeeklyHours = .standard,
        holidays: Set<CivilDate> = []
    ) throws(BusinessCalendarError) {
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else { throw .unknownTimeZone(timeZoneIdentifier) }
        try self.init(timeZone: zone, weeklyHours: weeklyHours, holidays: holidays)
    }

    /// Monday to Friday, 10:00–22:00, Asia/Yekaterinburg, no holidays.
    public static let standard: BusinessCalendar = {
        do { return try BusinessCalendar() } catch { fatalError("the built-in calendar is valid: \(error)") }
    }()

    /// The civil date of `date` in this calendar's zone.
    public func civilDate(of date: Date) -> CivilDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The instant of a local wall-clock time; `24:00` is the next day's midnight.
    public func instant(on day: CivilDate, at time: TimeOfDay) -> Date {
        if time == .endOfDay { return instant(on: day.adding(days: 1), at: .midnight) }
        let parts = DateComponents(year: day.year, month: day.month, day: day.day, hour: time.hour, minute: time.minute)
        if let date = calendar.date(from: parts) { return date }
        // Not reached for valid dates; fall back to the zone's offset at noon.
        let noon = Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 43_200)
        return Date(
            timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + Double(time.minutes * 60)
                - Double(timeZone.secondsFromGMT(for: noon)))
    }

    /// The opening intervals of one day as instants; empty on holidays and closed weekdays.
    public func openIntervals(on day: CivilDate) -> [DateInterval] {
        guard !holidays.contains(day) else { return [] }
        return weeklyHours.hours(on: day.weekday).compactMap { hours in
            let start = instant(on: day, at: hours.opens)
            let end = instant(on: day, at: hours.closes)
            return end > start ? DateInterval(start: start, end: end) : nil
        }
    }

    /// Whether the desk is open at `date` (opening time inclusive, closing time exclusive).
    public func isOpen(at date: Date) -> Bool {
        openIntervals(on: civilDate(of: date)).contains { $0.start <= date && date < $0.end }
    }

    /// The first instant at or after `date` when the desk is open: `date` itself during opening hours.
    public func nextOpening(after date: Date) -> Date {
        var day = civilDate(of: date)
        while true {
            for interval in openIntervals(on: day) where interval.end > date {
                return max(interval.start, date)
            }
            day = day.adding(days: 1)
        }
    }

    /// The instant at which `seconds` of opening time have passed since `start`.
    ///
    /// Time before the next opening does not count. When the total is used up exactly at a closing
    /// time, the result is that closing time (Friday 21:00 + 60 min = Friday 22:00, not Monday).
    /// Zero or negative `seconds` give ``nextOpening(after:)``: the earliest a response can count.
    public func add(businessSeconds seconds: TimeInterval, to start: Date) -> Date {
        var remaining = max(0, seconds)
        var day = civilDate(of: start)
        while true {
            for interval in openIntervals(on: day) where interval.end > start {
                let from = max(interval.start, start)
                let available = interval.end.timeIntervalSince(from)
                if remaining <= available { return from.addingTimeInterval(remaining) }
                remaining -= available
            }
            day = day.adding(days: 1)
        }
    }

    /// Deadline arithmetic in whole minutes; see ``add(businessSeconds:to:)``.
    public func add(businessMinutes minutes: Int, to start: Date) -> Date {
        add(businessSeconds: TimeInterval(minutes) * 60, to: start)
    }

    /// Opening time between two instants; zero when `end` is not after `start`.
    public func businessSeconds(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        var total: TimeInterval = 0
        var day = civilDate(of: start)
        let lastDay = civilDate(of: end)
        while day <= lastDay {
            for interval in openIntervals(on: day) {
                let from = max(interval.start, start)
                let to = min(interval.end, end)
                if to > from { total += to.timeIntervalSince(from) }
            }
            day = day.adding(days: 1)
        }
        return total
    }

    /// Whole minutes of opening time between two instants (rounded down).
    public func businessMinutes(from start: Date, to end: Date) -> Int {
        Int((businessSeconds(from: start, to: end) / 60).rounded(.down))
    }
}
