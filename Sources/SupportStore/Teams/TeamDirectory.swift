public import Foundation
public import Logging
public import PostgresNIO
public import SupportDomain
public import SupportSchema

/// Teams and their business calendars (with holidays from yesterday on).
public enum TeamDirectory {
    public static func teams(on connection: PostgresConnection, logger: Logger) async throws -> [TeamProfile] {
        try await connection.rows(of: TeamsSQL.self, logger: logger).map { row in
            let (id, name, line, categories, skills, calendar) = try row.decode((Int64, String, String, [String], [String], String).self)
            guard let line = Line(rawValue: line) else { throw TicketStoreError.unexpectedValue("team \(id): line \(line)") }
            return TeamProfile(
                id: TeamID(id), name: name, line: line,
                categories: Set(categories.compactMap(SupportSchema.Category.init(rawValue:))), skills: Set(skills),
                calendarName: calendar)
        }
    }

    /// Calendars by name; one whose row cannot make a valid calendar is left out (the desk default applies).
    public static func calendars(on connection: PostgresConnection, logger: Logger) async throws -> [String: BusinessCalendar] {
        var zones: [String: String] = [:]
        var hours: [String: [Weekday: [OpeningHours]]] = [:]
        var holidays: [String: Set<CivilDate>] = [:]
        for row in try await connection.rows(of: CalendarHoursSQL.self, logger: logger) {
            let (name, zone, weekday, opens, closes) = try row.decode((String, String, Int16?, String?, String?).self)
            zones[name] = zone
            if let weekday, let day = Weekday(rawValue: Int(weekday)), let opens, let closes,
                let interval = OpeningHours(opens, closes)
            {
                hours[name, default: [:]][day, default: []].append(interval)
            }
        }
        for row in try await connection.rows(of: HolidaysSQL.self, logger: logger) {
            let (name, day) = try row.decode((String, String).self)
            if let day = CivilDate(day) { holidays[name, default: []].insert(day) }
        }
        return zones.reduce(into: [:]) { calendars, entry in
            guard let weekly = WeeklyHours(hours[entry.key] ?? [:]),
                let calendar = try? BusinessCalendar(timeZoneIdentifier: entry.value, weeklyHours: weekly, holidays: holidays[entry.key] ?? [])
            else { return }
            calendars[entry.key] = calendar
        }
    }

    private enum TeamsSQL: RepeatedStatement {
        static let sql = "SELECT id, name, line, categories, skills, calendar_name FROM team ORDER BY id"
    }

    private enum CalendarHoursSQL: RepeatedStatement {
        static let sql = """
            SELECT c.name, c.timezone, h.weekday, to_char(h.opens, 'HH24:MI'), to_char(h.closes, 'HH24:MI')
            FROM business_calendar c LEFT JOIN business_calendar_hours h ON h.calendar_name = c.name
            """
    }

    private enum HolidaysSQL: RepeatedStatement {
        static let sql = "SELECT calendar_name, day::text FROM calendar_holiday WHERE day >= current_date - 1"
    }
}
