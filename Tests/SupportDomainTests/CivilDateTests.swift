import Foundation
import SupportDomain
import Testing

struct CivilDateTests {
    @Test(arguments: [
        ("1970-01-01", 0, Weekday.thursday), ("2025-03-03", 20150, .monday), ("2025-03-07", 20154, .friday),
        ("2025-03-09", 20156, .sunday), ("2000-02-29", 11016, .tuesday), ("1969-12-31", -1, .wednesday),
        ("2024-12-31", 20088, .tuesday),
    ])
    func knowsDayNumbersAndWeekdays(text: String, days: Int, weekday: Weekday) throws {
        let date = try #require(CivilDate(text))
        #expect(date.daysSinceEpoch == days)
        #expect(date.weekday == weekday)
        #expect(CivilDate(daysSinceEpoch: days) == date)
        #expect(date.description == text)
    }

    @Test func roundTripsEveryDayOfFourCenturies() {
        for days in stride(from: -200_000, through: 200_000, by: 1) {
            let date = CivilDate(daysSinceEpoch: days)
            guard date.daysSinceEpoch == days else {
                Issue.record("day \(days) came back as \(date.daysSinceEpoch)")
                return
            }
        }
    }

    @Test(arguments: ["2025-02-29", "2100-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "25-01-01", "2025-1-1", "x"])
    func rejectsImpossibleDates(text: String) {
        #expect(CivilDate(text) == nil)
    }

    @Test func acceptsLeapDays() {
        #expect(CivilDate("2024-02-29") != nil)
        #expect(CivilDate("2000-02-29") != nil)
    }

    @Test func addsDaysAcrossMonthsAndYears() throws {
        let date = try #require(CivilDate("2024-12-30"))
        #expect(date.adding(days: 3).description == "2025-01-02")
        #expect(try #require(CivilDate("2024-02-28")).adding(days: 1).description == "2024-02-29")
        #expect(date.adding(days: -365).description == "2023-12-31")
    }

    @Test func codesAsText() throws {
        let date = try #require(CivilDate("2025-05-09"))
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == #"["2025-05-09"]"#)
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == [date])
    }

    @Test func parsesTimesOfDay() {
        #expect(TimeOfDay("10:00")?.minutes == 600)
        #expect(TimeOfDay("22:00:00")?.minutes == 1320)
        #expect(TimeOfDay("24:00") == .endOfDay)
        #expect(TimeOfDay("24:01") == nil)
        #expect(TimeOfDay("10:60") == nil)
        #expect(TimeOfDay("10:00:30") == nil)
        #expect(TimeOfDay(hour: 9, minute: 5)?.description == "09:05")
    }

    @Test func rejectsEmptyAndOverlappingHours() {
        #expect(OpeningHours("22:00", "10:00") == nil)
        #expect(OpeningHours("10:00", "10:00") == nil)
        #expect(WeeklyHours([.monday: [OpeningHours("10:00", "14:00")!, OpeningHours("13:00", "18:00")!]]) == nil)
        let split = WeeklyHours([.monday: [OpeningHours("14:00", "18:00")!, OpeningHours("09:00", "13:00")!]])
        #expect(split?.hours(on: .monday).map(\.description) == ["09:00–13:00", "14:00–18:00"])
    }
}
