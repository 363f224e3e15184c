import Foundation
import SupportDomain
import SupportSchema
import Testing

/// The reference definitions on a hand-made history whose answers are worked out in the comments.
struct ReportMetricsTests {
    /// Durations come from `Date` arithmetic: equal to well below a microsecond.
    func close(_ value: Double?, _ expected: Double) -> Bool { value.map { abs($0 - expected) < 1e-6 } ?? false }

    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static func at(_ hours: Double) -> Date { start.addingTimeInterval(hours * 3600) }
    static let period = try! ReportPeriod(from: at(0), to: at(24))

    static let tickets: [ReportTicket] = [
        // Answered in 0.5 h, resolved in 2 h with one reply, rated 5.
        ReportTicket(createdAt: at(1), teamID: 1, category: .payment, assigneeID: 7, firstResponseAt: at(1.5), resolvedAt: at(3),
                     staffReplyCount: 1, csatScore: 5),
        // Answered in 2 h, resolved in 10 h with three replies, breached, rated 2, a repeat.
        ReportTicket(createdAt: at(2), teamID: 1, category: .payment, assigneeID: 7, firstResponseAt: at(4), resolvedAt: at(12),
                     staffReplyCount: 3, slaBreachedAt: at(6), repeatContact: true, csatScore: 2),
        // Answered in 1 h, resolved in 4 h with one reply but reopened once: not first-contact.
        ReportTicket(createdAt: at(4), teamID: 2, channel: .email, category: .technical, firstResponseAt: at(5), resolvedAt: at(8),
                     reopenCount: 1, staffReplyCount: 1),
        // Unanswered and open at the end of the period: backlog, 20 h old at hour 24.
        ReportTicket(createdAt: at(4), teamID: 2, channel: .email),
        // Before the period: not in the cohort, but still open at its end (backlog, 34 h old).
        ReportTicket(createdAt: at(-10), teamID: 1, category: .payment),
        // Before the period and finished within it: neither.
        ReportTicket(createdAt: at(-5), teamID: 1, resolvedAt: at(2)),
        // After the period: nothing.
        ReportTicket(createdAt: at(30), teamID: 1),
    ]

    @Test func theWholeDesk() {
        let m = ReportMetrics.compute(Self.tickets, period: Self.period, now: Self.at(100), fastWithin: 3600)
        #expect(m.tickets == 4)
        #expect(m.answered == 3)
        let firstResponses: Double = 1800 + 7200 + 3600
        #expect(close(m.firstResponseAvg, firstResponses / 3))
        #expect(close(m.firstResponseMedian, 3600))
        // 0.5 h and 1 h are within the hour, 2 h is not.
        #expect(m.fastResponsePct == 200.0 / 3)
        #expect(m.resolved == 3)
        let resolutions: Double = (2 + 10 + 4) * 3600
        #expect(close(m.resolutionAvg, resolutions / 3))
        #expect(close(m.resolutionMedian, 4 * 3600))
        #expect(m.firstContactResolutionPct == 100.0 / 3)
        #expect(m.csatCount == 2)
        #expect(m.csatAvg == 3.5)
        #expect(m.csatSatisfiedPct == 50)
        #expect(m.repeatContactPct == 25)
        #expect(m.slaCompliancePct == 75)
        #expect(m.backlog == 2)
        let ages: Double = (20 + 34) * 3600
        #expect(close(m.backlogAgeAvg, ages / 2))
        #expect(close(m.backlogAgeMax, 34 * 3600))
    }

    @Test func groupsByTeamKeepBacklogOnlyGroups() {
        let groups = ReportMetrics.grouped(Self.tickets, by: .team, period: Self.period, now: Self.at(100), fastWithin: 3600)
        #expect(Set(groups.keys) == ["1", "2"])
        #expect(groups["1"]?.tickets == 2)
        #expect(groups["1"]?.backlog == 1)
        #expect(groups["2"]?.backlog == 1)
        let byAgent = ReportMetrics.grouped(Self.tickets, by: .agent, period: Self.period, now: Self.at(100), fastWithin: 3600)
        #expect(byAgent["7"]?.csatAvg == 3.5)
        #expect(byAgent["none"]?.tickets == 2)
    }

    @Test func aRunningPeriodCountsTheBacklogNow() {
        let m = ReportMetrics.compute(Self.tickets, period: Self.period, now: Self.at(14), fastWithin: 3600)
        // At hour 14: the open ticket (10 h), the old one (24 h); the 10-hour resolution finished at 12.
        #expect(m.backlog == 2)
        #expect(close(m.backlogAgeMax, 24 * 3600))
    }

    @Test func periodsMustBeNonEmptyAndAtMostTwoYears() {
        #expect(throws: ReportPeriod.Problem.empty) { try ReportPeriod(from: Self.at(1), to: Self.at(1)) }
        #expect(throws: ReportPeriod.Problem.tooLong) { try ReportPeriod(from: Self.at(0), to: Self.at(24 * 732)) }
    }
}
