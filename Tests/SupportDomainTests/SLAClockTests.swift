import Foundation
import SupportDomain
import SupportSchema
import Testing

struct SLAClockTests {
    /// Telegram: first and next response 60 business minutes, resolution 24 business hours (normal).
    let telegram = SLAClock(channel: .telegram)

    func state(_ events: [SLAEvent], _ clock: SLAClockKind, now: Date, priority: Priority = .normal, sla: SLAClock? = nil) -> SLAClockStatus.State {
        (sla ?? telegram).status(events: events, priority: priority, now: now).first { $0.clock == clock }!.state
    }

    @Test func firstResponseRunsInBusinessTimeWithAWarningAt80Percent() {
        let events = [SLAEvent(at: ekb(3, "12:00"), .opened)]
        #expect(state(events, .firstResponse, now: ekb(3, "12:10")) == .running(warningAt: ekb(3, "12:48"), dueAt: ekb(3, "13:00")))
        #expect(state(events, .firstResponse, now: ekb(3, "13:00")) == .breached(at: ekb(3, "13:00")))
        #expect(state(events, .nextResponse, now: ekb(3, "12:10")) == .idle)
    }

    @Test func aReplyInTimeMeetsTheClockAndALateOneBreachesIt() {
        let opened = SLAEvent(at: ekb(3, "12:00"), .opened)
        #expect(state([opened, SLAEvent(at: ekb(3, "12:30"), .staffReply)], .firstResponse, now: ekb(3, "15:00")) == .met(at: ekb(3, "12:30")))
        #expect(state([opened, SLAEvent(at: ekb(3, "13:30"), .staffReply)], .firstResponse, now: ekb(3, "15:00")) == .breached(at: ekb(3, "13:00")))
    }

    @Test func friday2130RunsOnIntoMondayButTheEightHourCapHolds() {
        let events = [SLAEvent(at: ekb(7, "21:30"), .opened)]
        // 30 business minutes on Friday, 30 more on Monday would be 10:30 — but 8 hours of wall time end first.
        #expect(state(events, .firstResponse, now: ekb(7, "21:40")) == .running(warningAt: ekb(8, "03:54"), dueAt: ekb(8, "05:30")))
    }

    @Test func waitingOnTheRequesterPausesTheClocks() {
        let events = [
            SLAEvent(at: ekb(3, "12:00"), .opened), SLAEvent(at: ekb(3, "12:20"), .staffReply),
            SLAEvent(at: ekb(3, "12:20"), .paused), SLAEvent(at: ekb(4, "12:00"), .resumed),
        ]
        // Resolution: 24 business hours = 2 desk days; 20 minutes used before the pause.
        if case .paused(let remaining) = state(Array(events.prefix(3)), .resolution, now: ekb(3, "18:00")) {
            #expect(remaining == 24 * 3600 - 20 * 60)
        } else {
            Issue.record("resolution should be paused")
        }
        // 23 h 40 min left from Tuesday 12:00: Tuesday 10 h, Wednesday 12 h, Thursday 1 h 40.
        #expect(state(events, .resolution, now: ekb(4, "12:00")) == .running(warningAt: ekb(5, "18:52"), dueAt: ekb(6, "11:40")))
    }

    @Test func aRequesterMessageAfterAReplyStartsTheNextResponseClock() {
        let events = [
            SLAEvent(at: ekb(3, "12:00"), .opened), SLAEvent(at: ekb(3, "12:10"), .staffReply),
            SLAEvent(at: ekb(3, "14:00"), .requesterMessage),
        ]
        #expect(state(events, .nextResponse, now: ekb(3, "14:05")) == .running(warningAt: ekb(3, "14:48"), dueAt: ekb(3, "15:00")))
        let answered = events + [SLAEvent(at: ekb(3, "14:20"), .staffReply)]
        #expect(state(answered, .nextResponse, now: ekb(3, "16:00")) == .met(at: ekb(3, "14:20")))
    }

    @Test func aHigherPriorityShortensWhatIsLeft() {
        let events = [SLAEvent(at: ekb(3, "12:00"), .opened), SLAEvent(at: ekb(3, "12:30"), .priorityChanged(.critical))]
        let normal = state(Array(events.prefix(1)), .firstResponse, now: ekb(3, "12:31"))
        let raised = state(events, .firstResponse, now: ekb(3, "12:31"))
        guard case .running(_, let before) = normal, case .running(_, let after) = raised else {
            Issue.record("both should run: \(normal) \(raised)")
            return
        }
        #expect(after < before)
    }

    @Test func resolutionStopsAtResolveAndAReopenContinuesIt() {
        let events = [
            SLAEvent(at: ekb(3, "12:00"), .opened), SLAEvent(at: ekb(3, "13:00"), .resolved),
            SLAEvent(at: ekb(4, "12:00"), .reopened),
        ]
        #expect(state(Array(events.prefix(2)), .resolution, now: ekb(4, "11:00")) == .met(at: ekb(3, "13:00")))
        guard case .running(_, let due) = state(events, .resolution, now: ekb(4, "12:30")) else {
            Issue.record("resolution should run again")
            return
        }
        // 1 hour used before: 23 business hours remain from Tuesday 12:00 → Thursday 11:00.
        #expect(due == ekb(6, "11:00"))
    }

    @Test func phoneIsWallClockAndImmediate() {
        let phone = SLAClock(channel: .phone)
        let events = [SLAEvent(at: ekb(8, "03:00"), .opened)]
        #expect(state(events, .firstResponse, now: ekb(8, "03:00"), sla: phone) == .breached(at: ekb(8, "03:00")))
    }
}
