public import Foundation

/// A staff member's daily quiet hours in their own time zone (e.g. 22:00–08:00, wrapping past
/// midnight): notifications to their phone wait and arrive as one digest when the quiet ends.
public struct QuietHours: Sendable, Hashable {
    public var from: TimeOfDay
    public var until: TimeOfDay
    public var timeZoneIdentifier: String
    /// The rest of the day, as a calendar, so "when does the quiet end" is its next opening.
    private let awake: BusinessCalendar

    /// Nil when the hours are empty or the time zone is unknown.
    public init?(from: TimeOfDay, until: TimeOfDay, timeZoneIdentifier: String) {
        guard from != until, let zone = TimeZone(identifier: timeZoneIdentifier) else { return nil }
        let pieces =
            from < until
            ? [OpeningHours(opens: .midnight, closes: from), OpeningHours(opens: until, closes: .endOfDay)]
            : [OpeningHours(opens: until, closes: from)]
        let hours = pieces.compactMap { $0 }
        guard let weekly = WeeklyHours(Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, hours) })),
            let awake = try? BusinessCalendar(timeZone: zone, weeklyHours: weekly)
        else { return nil }
        self.from = from
        self.until = until
        self.timeZoneIdentifier = timeZoneIdentifier
        self.awake = awake
    }

    public func contains(_ date: Date) -> Bool { !awake.isOpen(at: date) }

    /// When the quiet around `date` ends (`date` itself outside quiet hours).
    public func end(after date: Date) -> Date { awake.nextOpening(after: date) }

    public static func == (lhs: QuietHours, rhs: QuietHours) -> Bool {
        lhs.from == rhs.from && lhs.until == rhs.until && lhs.timeZoneIdentifier == rhs.timeZoneIdentifier
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(from)
        hasher.combine(until)
        hasher.combine(timeZoneIdentifier)
    }
}
