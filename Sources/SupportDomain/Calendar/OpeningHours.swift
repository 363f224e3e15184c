/// One opening interval within a day, local time: `opens` inclusive, `closes` exclusive.
///
/// Intervals never cross midnight (close at `24:00` and open again at `00:00` instead), which keeps
/// every interval inside its own civil day and the calendar arithmetic simple.
public struct OpeningHours: Hashable, Sendable, Codable, CustomStringConvertible {
    public let opens: TimeOfDay
    public let closes: TimeOfDay

    /// `nil` unless `opens < closes`.
    public init?(opens: TimeOfDay, closes: TimeOfDay) {
        guard opens < closes else { return nil }
        self.opens = opens
        self.closes = closes
    }

    /// `OpeningHours("10:00", "22:00")`; `nil` for malformed or empty intervals.
    public init?(_ opens: String, _ closes: String) {
        guard let o = TimeOfDay(opens), let c = TimeOfDay(closes) else { return nil }
        self.init(opens: o, closes: c)
    }

    public var description: String { "\(opens)–\(closes)" }

    /// 00:00–24:00.
    public static let allDay = OpeningHours(opens: .midnight, closes: .endOfDay)!
}
