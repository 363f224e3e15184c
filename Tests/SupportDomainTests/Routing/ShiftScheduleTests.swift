import Foundation
import SupportDomain
import Testing

struct ShiftScheduleTests {
    let weekdays = ShiftSchedule(weekly: Weekday.workdays.map { WeeklyShift(weekday: $0, start: TimeOfDay("10:00")!, end: TimeOfDay("22:00")!) })

    @Test func weeklyShiftEdges() {
        #expect(weekdays.isOnShift(at: ekb(3, "10:00")))
        #expect(!weekdays.isOnShift(at: ekb(3, "09:59")))
        #expect(weekdays.isOnShift(at: ekb(7, "21:59")))
        #expect(!weekdays.isOnShift(at: ekb(7, "22:00")), "22:00 on a Friday is already off")
        #expect(!weekdays.isOnShift(at: ekb(8, "12:00")))
    }

    @Test func nextStartSkipsTheWeekend() {
        #expect(weekdays.nextStart(after: ekb(7, "22:00")) == ekb(10, "10:00"))
        #expect(weekdays.nextStart(after: ekb(3, "12:00")) == ekb(3, "12:00"))
        #expect(weekdays.nextStart(after: ekb(4, "23:30")) == ekb(5, "10:00"))
    }

    @Test func nightShiftsRunPastMidnight() {
        let night = ShiftSchedule(weekly: [WeeklyShift(weekday: .friday, start: TimeOfDay("22:00")!, end: TimeOfDay("06:00")!)])
        #expect(night.isOnShift(at: ekb(7, "23:00")))
        #expect(night.isOnShift(at: ekb(8, "05:59")))
        #expect(!night.isOnShift(at: ekb(8, "06:00")))
        #expect(night.nextStart(after: ekb(7, "12:00")) == ekb(7, "22:00"))
    }

    @Test func shiftsAreReadInTheirOwnZone() {
        let berlin = ShiftSchedule(weekly: [WeeklyShift(weekday: .monday, start: TimeOfDay("09:00")!, end: TimeOfDay("17:00")!, timeZoneIdentifier: "Europe/Berlin")])
        // 09:00 in Berlin (UTC+1 in March) is 13:00 in Yekaterinburg.
        #expect(berlin.isOnShift(at: ekb(3, "13:00")))
        #expect(!berlin.isOnShift(at: ekb(3, "12:59")))
        #expect(berlin.nextStart(after: ekb(3, "08:00")) == ekb(3, "13:00"))
    }

    @Test func timeOffOverridesTheWeekAndExtraWorkAddsToIt() {
        let sick = ShiftPeriod(interval: DateInterval(start: ekb(3, "00:00"), end: ekb(5, "00:00")), available: false)
        let weekend = ShiftPeriod(interval: DateInterval(start: ekb(8, "12:00"), end: ekb(8, "16:00")), available: true)
        let schedule = ShiftSchedule(weekly: Weekday.workdays.map { WeeklyShift(weekday: $0, start: TimeOfDay("10:00")!, end: TimeOfDay("22:00")!) },
                                     periods: [sick, weekend])
        #expect(!schedule.isOnShift(at: ekb(3, "12:00")))
        #expect(schedule.nextStart(after: ekb(3, "12:00")) == ekb(5, "10:00"))
        #expect(schedule.isOnShift(at: ekb(8, "13:00")))
        #expect(schedule.nextStart(after: ekb(7, "23:00")) == ekb(8, "12:00"))
    }

    @Test func timeOffEndingMidShiftStartsWorkThen() {
        let dentist = ShiftPeriod(interval: DateInterval(start: ekb(3, "09:00"), end: ekb(3, "13:30")), available: false)
        let schedule = ShiftSchedule(weekly: [WeeklyShift(weekday: .monday, start: TimeOfDay("10:00")!, end: TimeOfDay("22:00")!)], periods: [dentist])
        #expect(schedule.nextStart(after: ekb(3, "11:00")) == ekb(3, "13:30"))
    }

    @Test func overlappingShiftsMergeAndNoShiftsMeanNever() {
        let overlapping = ShiftSchedule(weekly: [
            WeeklyShift(weekday: .monday, start: TimeOfDay("10:00")!, end: TimeOfDay("16:00")!),
            WeeklyShift(weekday: .monday, start: TimeOfDay("14:00")!, end: TimeOfDay("20:00")!),
        ])
        #expect(overlapping.isOnShift(at: ekb(3, "19:00")))
        let none = ShiftSchedule(weekly: [])
        #expect(!none.isOnShift(at: ekb(3, "12:00")))
        #expect(none.nextStart(after: ekb(3, "12:00")) == nil)
    }
}
