public import Foundation
public import Logging
public import PostgresNIO
public import SupportDomain
public import SupportSchema

/// Active staff with their load and shifts, as assignment candidates at one instant.
///
/// A load is the person's active tickets as `staff_load` keeps them (migration `support-0021`): a backlog
/// of thousands costs a routing job no scan of it.
public enum StaffRoster {
    /// `schedules`: the shifts, usually from ``DeskSettings``.
    public static func load(
        at now: Date, shifts schedules: [StaffID: ShiftSchedule], on connection: PostgresConnection, logger: Logger
    ) async throws -> [StaffCandidate] {
        try await connection.rows(of: CandidatesSQL.self, logger: logger).map { row in
            let (id, roles, skills, away, capacity, last, load) = try row.decode(
                (Int64, [String], [String], Bool, Int32, Date?, Int32).self)
            let schedule = schedules[StaffID(id)] ?? ShiftSchedule(weekly: [])
            let onShift = schedule.isOnShift(at: now)
            return StaffCandidate(
                id: StaffID(id), roles: Set(roles.compactMap(Role.init(rawValue:))), skills: Set(skills),
                isActive: true, isAway: away, activeTickets: Int(load), capacity: Int(capacity), onShift: onShift,
                nextShiftStart: onShift ? nil : schedule.nextStart(after: now), lastAssignedAt: last)
        }
    }

    /// Weekly shifts and the one-off periods that have not ended, per staff member.
    public static func shifts(on connection: PostgresConnection, logger: Logger) async throws -> [StaffID: ShiftSchedule] {
        var weekly: [StaffID: [WeeklyShift]] = [:]
        var periods: [StaffID: [ShiftPeriod]] = [:]
        let rows = try await connection.rows(of: ShiftsSQL.self, logger: logger)
        for row in rows {
            let (staff, weekday, start, end, zone, startsAt, endsAt, available) = try row.decode(
                (Int64, Int16?, String?, String?, String, Date?, Date?, Bool).self)
            let id = StaffID(staff)
            if let weekday, let day = Weekday(rawValue: Int(weekday)), let start = start.flatMap(TimeOfDay.init),
                let end = end.flatMap(TimeOfDay.init)
            {
                weekly[id, default: []].append(WeeklyShift(weekday: day, start: start, end: end, timeZoneIdentifier: zone))
            } else if let startsAt, let endsAt, startsAt < endsAt {
                periods[id, default: []].append(ShiftPeriod(interval: DateInterval(start: startsAt, end: endsAt), available: available))
            }
        }
        return Dictionary(uniqueKeysWithValues: Set(weekly.keys).union(periods.keys).map { id in
            (id, ShiftSchedule(weekly: weekly[id] ?? [], periods: periods[id] ?? []))
        })
    }

    private enum CandidatesSQL: RepeatedStatement {
        static let sql = """
            SELECT s.id, s.roles, s.skills, s.is_away, s.capacity,
                   (SELECT max(t.assigned_at) FROM ticket t WHERE t.assignee_id = s.id),
                   coalesce(l.active_tickets, 0)
            FROM staff s LEFT JOIN staff_load l ON l.staff_id = s.id
            WHERE s.active ORDER BY s.id
            """
    }

    private enum ShiftsSQL: RepeatedStatement {
        static let sql = """
            SELECT staff_id, weekday, to_char(start_time, 'HH24:MI'), to_char(end_time, 'HH24:MI'), timezone,
                   starts_at, ends_at, available
            FROM staff_shift WHERE weekday IS NOT NULL OR ends_at > now()
            """
    }
}
