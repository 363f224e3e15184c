import Foundation
import SupportDomain
import Testing

struct BusinessCalendarTests {
    let desk = BusinessCalendar.standard
    /// The desk with Monday 10 March 2025 as a holiday.
    let withHoliday = try! BusinessCalendar(holidays: [CivilDate("2025-03-10")!])

    // MARK: Defaults

    @Test func defaultsToWeekdaysTenToTenInYekaterinburg() {
        #expect(desk.timeZone.identifier == "Asia/Yekaterinburg")
        #expect(desk.weeklyHours == WeeklyHours.standard)
        #expect(Weekday.allCases.map { desk.weeklyHours.hours(on: $0).map(\.description) } == [
            ["10:00–22:00"], ["10:00–22:00"], ["10:00–22:00"], ["10:00–22:00"], ["10:00–22:00"], [], [],
        ])
        #expect(desk.holidays.isEmpty)
    }

    @Test func rejectsBadConfiguration() {
        #expect(throws: BusinessCalendarError.unknownTimeZone("Mars/Olympus")) {
            try BusinessCalendar(timeZoneIdentifier: "Mars/Olympus")
        }
        #expect(throws: BusinessCalendarError.neverOpen) {
            try BusinessCalendar(weeklyHours: WeeklyHours([:])!)
        }
        #expect(BusinessCalendarError.neverOpen.description == "business calendar has no opening hours on any weekday")
    }

    // MARK: isOpen

    @Test(arguments: [
        ("2025-03-07T21:59:00+05:00", true),  // Friday 21:59
        ("2025-03-07T21:59:59+05:00", true),
        ("2025-03-07T22:00:00+05:00", false),  // Friday 22:00: closed (closing time is exclusive)
        ("2025-03-07T10:00:00+05:00", true),  // opening time is inclusive
        ("2025-03-07T09:59:59+05:00", false),
        ("2025-03-08T12:00:00+05:00", false),  // Saturday
        ("2025-03-09T12:00:00+05:00", false),  // Sunday
        ("2025-03-10T00:00:00+05:00", false),  // Monday midnight
        ("2025-03-07T16:59:00Z", true),  // 21:59 local, given in UTC
        ("2025-03-07T17:00:00Z", false),  // 22:00 local
        ("2025-03-07T05:00:00Z", true),  // 10:00 local
    ])
    func knowsWhenTheDeskIsOpen(instant: String, open: Bool) {
        #expect(desk.isOpen(at: at(instant)) == open)
    }

    @Test func aHolidayIsClosedAllDay() {
        #expect(!withHoliday.isOpen(at: at("2025-03-10T12:00:00+05:00")))
        #expect(withHoliday.isOpen(at: at("2025-03-11T12:00:00+05:00")))
        #expect(withHoliday.openIntervals(on: CivilDate("2025-03-10")!).isEmpty)
    }

    @Test func holidaysAreReadInTheCalendarsZone() {
        // 2025-03-10 04:30 UTC is already 09:30 Monday in Yekaterinburg; 05:30 UTC is 10:30, on the holiday.
        #expect(!withHoliday.isOpen(at: at("2025-03-10T05:30:00Z")))
        #expect(desk.isOpen(at: at("2025-03-10T05:30:00Z")))
    }

    // MARK: nextOpening

    @Test(arguments: [
        ("2025-03-07T22:00:00+05:00", "2025-03-10T10:00:00+05:00"),  // Friday closing -> Monday
        ("2025-03-07T21:59:00+05:00", "2025-03-07T21:59:00+05:00"),  // open: itself
        ("2025-03-08T03:00:00+05:00", "2025-03-10T10:00:00+05:00"),  // Saturday
        ("2025-03-10T03:00:00+05:00", "2025-03-10T10:00:00+05:00"),  // Monday early
        ("2025-03-04T23:30:00+05:00", "2025-03-05T10:00:00+05:00"),  // Tuesday night -> Wednesday
    ])
    func findsTheNextOpening(from: String, expected: String) {
        #expect(desk.nextOpening(after: at(from)) == at(expected))
    }

    @Test func skipsAHolidayOnMonday() {
        #expect(withHoliday.nextOpening(after: ekb(7, "22:00")) == at("2025-03-11T10:00:00+05:00"))
    }

    // MARK: add(businessMinutes:)

    @Test(arguments: [
        ("2025-03-07T21:30:00+05:00", 60, "2025-03-10T10:30:00+05:00"),  // Friday evening, rolls to Monday
        ("2025-03-07T21:00:00+05:00", 60, "2025-03-07T22:00:00+05:00"),  // used up exactly at closing
        ("2025-03-07T21:59:00+05:00", 1, "2025-03-07T22:00:00+05:00"),
        ("2025-03-07T21:59:00+05:00", 2, "2025-03-10T10:01:00+05:00"),
        ("2025-03-07T22:00:00+05:00", 1, "2025-03-10T10:01:00+05:00"),
        ("2025-03-08T12:00:00+05:00", 0, "2025-03-10T10:00:00+05:00"),  // zero: next opening
        ("2025-03-04T12:00:00+05:00", 0, "2025-03-04T12:00:00+05:00"),
        ("2025-03-04T12:00:00+05:00", -5, "2025-03-04T12:00:00+05:00"),  // negative counts as zero
        ("2025-03-03T10:00:00+05:00", 24 * 60, "2025-03-04T22:00:00+05:00"),  // 24 business hours = 2 days
        ("2025-03-06T16:00:00+05:00", 24 * 60, "2025-03-10T16:00:00+05:00"),  // Thu 6h + Fri 12h + Mon 6h
        ("2025-03-03T09:00:00+05:00", 5, "2025-03-03T10:05:00+05:00"),  // before opening
        ("2025-03-03T12:00:00+05:00", 5 * 720, "2025-03-10T12:00:00+05:00"),  // a whole business week
    ])
    func addsBusinessMinutes(from: String, minutes: Int, expected: String) {
        #expect(desk.add(businessMinutes: minutes, to: at(from)) == at(expected))
    }

    @Test func deadlinesSkipAHolidayOnMonday() {
        #expect(withHoliday.add(businessMinutes: 60, to: ekb(7, "21:30")) == at("2025-03-11T10:30:00+05:00"))
    }

    @Test func addsSeconds() {
        #expect(desk.add(businessSeconds: 30, to: ekb(7, "21:59")) == at("2025-03-07T21:59:30+05:00"))
        #expect(desk.add(businessSeconds: 90, to: ekb(7, "21:59")) == at("2025-03-10T10:00:30+05:00"))
    }

    // MARK: businessMinutes(from:to:)

    @Test(arguments: [
        ("2025-03-07T21:00:00+05:00", "2025-03-10T11:00:00+05:00", 120),  // over the weekend
        ("2025-03-07T21:59:00+05:00", "2025-03-07T22:00:00+05:00", 1),
        ("2025-03-07T22:00:00+05:00", "2025-03-10T10:00:00+05:00", 0),
        ("2025-03-03T00:00:00+05:00", "2025-03-10T00:00:00+05:00", 5 * 720),
        ("2025-03-04T23:00:00+05:00", "2025-03-05T01:00:00+05:00", 0),  // crossing midnight while closed
        ("2025-03-05T12:00:00+05:00", "2025-03-04T12:00:00+05:00", 0),  // reversed
        ("2025-03-04T12:00:00+05:00", "2025-03-04T12:00:59+05:00", 0),  // rounds down
    ])
    func measuresBusinessMinutes(from: String, to: String, minutes: Int) {
        #expect(desk.businessMinutes(from: at(from), to: at(to)) == minutes)
    }

    @Test func holidaysDoNotCount() {
        #expect(withHoliday.businessMinutes(from: ekb(7, "21:00"), to: at("2025-03-11T11:00:00+05:00")) == 120)
    }

    @Test func countsSeconds() {
        #expect(desk.businessSeconds(from: ekb(7, "21:59"), to: at("2025-03-10T10:00:30+05:00")) == 90)
    }

    // MARK: Crossing midnight

    /// A night desk: 20:00–24:00 and 00:00–02:00, so a shift runs across midnight as two intervals.
    let nightDesk = try! BusinessCalendar(
        weeklyHours: WeeklyHours(
            Dictionary(uniqueKeysWithValues: Weekday.allCases.map {
                ($0, [OpeningHours("00:00", "02:00")!, OpeningHours("20:00", "24:00")!])
            }))!)

    @Test func runsAcrossMidnight() {
        #expect(nightDesk.isOpen(at: ekb(4, "23:59")))
        #expect(nightDesk.isOpen(at: ekb(5, "00:00")))
        #expect(nightDesk.isOpen(at: ekb(5, "01:59")))
        #expect(!nightDesk.isOpen(at: ekb(5, "02:00")))
        #expect(nightDesk.add(businessMinutes: 60, to: ekb(4, "23:30")) == ekb(5, "00:30"))
        #expect(nightDesk.add(businessMinutes: 60, to: ekb(5, "01:30")) == ekb(5, "20:30"))
        #expect(nightDesk.businessMinutes(from: ekb(4, "23:00"), to: ekb(5, "01:00")) == 120)
        #expect(nightDesk.nextOpening(after: ekb(5, "02:00")) == ekb(5, "20:00"))
    }

    @Test func endOfDayClosesAtMidnight() throws {
        let evenings = try BusinessCalendar(weeklyHours: WeeklyHours(OpeningHours("18:00", "24:00")!, on: [.friday]))
        #expect(evenings.isOpen(at: ekb(7, "23:59")))
        #expect(!evenings.isOpen(at: ekb(8, "00:00")))
        #expect(evenings.add(businessMinutes: 360, to: ekb(7, "17:00")) == ekb(8, "00:00"))
        #expect(evenings.add(businessMinutes: 361, to: ekb(7, "17:00")) == at("2025-03-14T18:01:00+05:00"))
    }

    // MARK: Time zones

    @Test func yekaterinburgHasNoDaylightSaving() throws {
        // The same business week in March and in late October (when Europe switches back) has the same length.
        #expect(desk.businessMinutes(from: at("2025-10-20T00:00:00+05:00"), to: at("2025-10-27T00:00:00+05:00")) == 3600)
        let always = try BusinessCalendar(weeklyHours: .always)
        #expect(always.businessMinutes(from: at("2025-03-29T00:00:00+05:00"), to: at("2025-03-31T00:00:00+05:00")) == 2880)
    }

    @Test func berlinKeepsLocalHoursAcrossTheSpringSwitch() throws {
        let berlin = try BusinessCalendar(timeZoneIdentifier: "Europe/Berlin")
        // Friday 28 March 2025 is CET (+01), Monday 31 March is CEST (+02).
        #expect(berlin.isOpen(at: at("2025-03-28T21:59:00+01:00")))
        #expect(!berlin.isOpen(at: at("2025-03-28T22:00:00+01:00")))
        #expect(berlin.nextOpening(after: at("2025-03-28T22:00:00+01:00")) == at("2025-03-31T10:00:00+02:00"))
        #expect(berlin.add(businessMinutes: 120, to: at("2025-03-28T21:00:00+01:00")) == at("2025-03-31T11:00:00+02:00"))
        #expect(berlin.businessMinutes(from: at("2025-03-28T21:00:00+01:00"), to: at("2025-03-31T11:00:00+02:00")) == 120)
        // 09:30 CET would be 10:30 CEST: only the local reading counts.
        #expect(berlin.isOpen(at: at("2025-03-31T09:30:00+01:00")))
        #expect(!berlin.isOpen(at: at("2025-03-31T09:30:00+02:00")))
    }

    @Test func berlinDaysHaveTheirRealLength() throws {
        let always = try BusinessCalendar(timeZoneIdentifier: "Europe/Berlin", weeklyHours: .always)
        #expect(always.businessMinutes(from: at("2025-03-30T00:00:00+01:00"), to: at("2025-03-31T00:00:00+02:00")) == 23 * 60)
        #expect(always.businessMinutes(from: at("2025-10-26T00:00:00+02:00"), to: at("2025-10-27T00:00:00+01:00")) == 25 * 60)
        #expect(always.add(businessMinutes: 60, to: at("2025-03-30T01:30:00+01:00")) == at("2025-03-30T03:30:00+02:00"))
    }

    // MARK: Consistency

    @Test(arguments: ["Asia/Yekaterinburg", "Europe/Berlin"])
    func addingThenMeasuringGivesBackTheMinutes(zone: String) throws {
        let calendar = try BusinessCalendar(timeZoneIdentifier: zone, holidays: [CivilDate("2025-03-31")!])
        var start = at("2025-03-24T00:00:00Z")
        let end = at("2025-04-07T00:00:00Z")
        while start < end {
            for minutes in [1, 59, 720, 1440, 5000] {
                let due = calendar.add(businessMinutes: minutes, to: start)
                #expect(due > start)
                #expect(calendar.businessMinutes(from: start, to: due) == minutes, "\(start) + \(minutes)")
                #expect(calendar.isOpen(at: due.addingTimeInterval(-1)))
            }
            start = start.addingTimeInterval(37 * 60)
        }
    }
}
