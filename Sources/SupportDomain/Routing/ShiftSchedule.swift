public import Foundation

/// When one staff member works: weekly shifts, extra periods and time off.
///
/// Weekly shifts reuse ``BusinessCalendar`` (one per time zone), so a shift keeps its local hours
/// across daylight saving switches. Time off wins over a weekly shift; an extra period wins over both.
public struct ShiftSchedule: Hashable, Sendable {
    private let calendars: [BusinessCalendar]
    private let periods: [ShiftPeriod]

    /// How far ``nextStart(after:)`` looks ahead before giving up.
    public static let horizon: TimeInterval = 28 * 86_400

    /// Shifts that overlap within a day are merged; unknown time zones are skipped.
    public init(weekly: [WeeklyShift], periods: [ShiftPeriod] = []) {
        var byZone: [String: [Weekday: [OpeningHours]]] = [:]
        for shift in weekly {
            for (day, hours) in shift.pieces { byZone[shift.timeZoneIdentifier, default: [:]][day, default: []].append(hours) }
        }
        calendars = byZone.sorted { $0.key < $1.key }.compactMap { zone, days in
            let merged = days.mapValues(Self.merge)
            guard let hours = WeeklyHours(merged) else { return nil }
            return try? BusinessCalendar(timeZoneIdentifier: zone, weeklyHours: hours)
        }
        self.periods = periods
    }

    /// Whether the staff member works at `date`.
    public func isOnShift(at date: Date) -> Bool {
        if periods.contains(where: { $0.available && $0.contains(date) }) { return true }
        if periods.contains(where: { !$0.available && $0.contains(date) }) { return false }
        return calendars.contains { $0.isOpen(at: date) }
    }

    /// The first instant at or after `date` on shift, or nil if none within ``horizon``.
    public func nextStart(after date: Date) -> Date? {
        if isOnShift(at: date) { return date }
        let limit = date.addingTimeInterval(Self.horizon)
        // A shift can only begin where a weekly shift opens, an extra period starts, or time off ends.
        var candidates = periods.flatMap { $0.available ? [$0.interval.start] : [$0.interval.end] }
        for calendar in calendars {
            var from = date
            while from < limit {
                let opening = calendar.nextOpening(after: from)
                candidates.append(opening)
                guard let end = calendar.openIntervals(on: calendar.civilDate(of: opening)).first(where: { $0.contains(opening) })?.end,
                    end > from
                else { break }
                from = end
            }
        }
        return candidates.filter { $0 > date && $0 < limit }.sorted().first { isOnShift(at: $0) }
    }

    private static func merge(_ hours: [OpeningHours]) -> [OpeningHours] {
        var merged: [OpeningHours] = []
        for next in hours.sorted(by: { $0.opens < $1.opens }) {
            if let last = merged.last, next.opens <= last.closes {
                merged[merged.count - 1] = OpeningHours(opens: last.opens, closes: max(last.closes, next.closes))!
            } else {
                merged.append(next)
            }
        }
        return merged
    }
}
