import Foundation
import SupportDomain
import SupportSchema
import Testing

struct DisputeDeadlinesTests {
    let deadlines = DisputeDeadlines()

    @Test func onlyWaitingStatesHaveADuration() {
        for state in DisputeState.allCases {
            #expect((deadlines.businessMinutes(for: state) != nil) == state.hasDeadline, "\(state)")
        }
        #expect(deadlines.deadline(for: .opened, from: ekb(3, "12:00")) == .none)
        #expect(deadlines.deadline(for: .infoRequested, from: ekb(3, "12:00")) == .none)
        #expect(deadlines.deadline(for: .closed, from: ekb(3, "12:00")) == .none)
    }

    @Test func overridesReplaceDefaultsButNeverCreateDeadlines() {
        let custom = DisputeDeadlines(businessMinutes: [.awaitingResponse: 90, .infoRequested: 60, .closed: 60, .executing: 0])
        #expect(custom.businessMinutes(for: .awaitingResponse) == 90)
        #expect(custom.businessMinutes(for: .executing) == 1)
        #expect(custom.businessMinutes(for: .negotiation) == 36 * 60)
        #expect(custom.businessMinutes(for: .infoRequested) == nil)
        #expect(custom.businessMinutes(for: .closed) == nil)
    }

    @Test func theRespondentsDayRunsOverTheWeekend() {
        // Friday 20:00 + 24 business hours: Friday 2 h, Monday 12 h, Tuesday 10 h.
        #expect(deadlines.deadline(for: .awaitingResponse, from: ekb(7, "20:00")) == .due(ekb(11, "20:00")))
        // Saturday counts from Monday's opening.
        #expect(deadlines.deadline(for: .executing, from: ekb(8, "15:00")) == .due(ekb(10, "14:00")))
    }

    @Test func aHolidayIsSkipped() throws {
        let calendar = try BusinessCalendar(holidays: [try #require(CivilDate("2025-03-10"))])
        let withHoliday = DisputeDeadlines(calendar: calendar)
        // Friday 2 h, Monday closed, Tuesday 12 h, Wednesday 10 h.
        #expect(withHoliday.deadline(for: .awaitingResponse, from: ekb(7, "20:00")) == .due(ekb(12, "20:00")))
    }

    @Test func aPauseBanksOnlyBusinessTimeAndAResumeGivesItBack() {
        let running = DisputeDeadline.due(ekb(10, "12:00"))
        // Paused on Saturday: the whole weekend is free, 2 h of Monday morning are left.
        let paused = deadlines.pause(running, at: ekb(8, "15:00"))
        #expect(paused == .paused(remaining: 2 * 3600))
        #expect(deadlines.remaining(paused, at: ekb(20, "12:00")) == TimeInterval(2 * 3600), "a paused clock does not run")
        // Resumed Tuesday 21:00: 1 h on Tuesday, 1 h on Wednesday.
        #expect(deadlines.resume(paused, at: ekb(11, "21:00")) == .due(ekb(12, "11:00")))
        // Over a holiday Wednesday: 1 h on Tuesday, the rest on Thursday.
        let calendar = try! BusinessCalendar(holidays: [CivilDate("2025-03-12")!])
        #expect(DisputeDeadlines(calendar: calendar).resume(paused, at: ekb(11, "21:00")) == .due(ekb(13, "11:00")))
    }

    @Test func severalPausesAddUp() {
        var clock = deadlines.deadline(for: .evidence, from: ekb(3, "10:00"))   // 60 h: five desk days, Friday 22:00
        #expect(clock == .due(ekb(7, "22:00")))
        clock = deadlines.pause(clock, at: ekb(3, "20:00"))                      // 10 h used, 50 h left
        #expect(clock == .paused(remaining: 50 * 3600))
        clock = deadlines.resume(clock, at: ekb(5, "10:00"))
        clock = deadlines.pause(clock, at: ekb(5, "22:00"))                      // 12 h more used, 38 h left
        #expect(clock == .paused(remaining: 38 * 3600))
        clock = deadlines.resume(clock, at: ekb(10, "10:00"))                    // Mon 12, Tue 12, Wed 12, Thu 2
        #expect(clock == .due(ekb(13, "12:00")))
    }

    @Test func anOverduePauseBanksNothing() {
        let paused = deadlines.pause(.due(ekb(3, "12:00")), at: ekb(3, "15:00"))
        #expect(paused == .paused(remaining: 0))
        #expect(deadlines.resume(paused, at: ekb(8, "12:00")) == .due(ekb(10, "10:00")), "due at the next opening")
    }

    @Test func remainingAndMissed() {
        let clock = DisputeDeadline.due(ekb(10, "12:00"))
        #expect(deadlines.remaining(clock, at: ekb(7, "21:00")) == TimeInterval(3 * 3600))
        #expect(deadlines.remaining(.none, at: ekb(7, "21:00")) == nil)
        #expect(!deadlines.isMissed(clock, at: ekb(10, "11:59")))
        #expect(deadlines.isMissed(clock, at: ekb(10, "12:00")))
        #expect(!deadlines.isMissed(.paused(remaining: 0), at: ekb(20, "12:00")))
        #expect(deadlines.pause(.none, at: ekb(3, "12:00")) == .none)
        #expect(deadlines.resume(clock, at: ekb(3, "12:00")) == clock)
    }
}
