/// ISO weekday: 1 = Monday … 7 = Sunday, as in `business_calendar_hours.weekday`.
public enum Weekday: Int, CaseIterable, Codable, Hashable, Sendable, Comparable {
    case monday = 1
    case tuesday
    case wednesday
    case thursday
    case friday
    case saturday
    case sunday

    public static let workdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
