import Foundation
import SupportDomain
import SupportSchema
import Testing

/// The rollup's pure parts: the duration buckets, histogram medians within the stated precision,
/// exact fast-response counts on the bucket edges, and tallies that add up to the definitions.
struct ReportTallyTests {
    @Test func bucketsCoverEveryDurationOnceAndMatchTheStatedWidths() {
        var previous = 0
        for seconds in stride(from: 0.0, through: 40 * 86_400.0, by: 37.5) {
            let index = DurationBuckets.index(of: seconds)
            #expect(index >= previous)
            previous = index
            let (lower, upper) = DurationBuckets.bounds(of: index)
            if index > 0 { #expect(lower < seconds && seconds <= upper, "\(seconds) in \(index)") }
        }
        #expect(DurationBuckets.index(of: -5) == 0 && DurationBuckets.index(of: 0) == 0)
        #expect(DurationBuckets.index(of: 0.001) == 1 && DurationBuckets.index(of: 60) == 1 && DurationBuckets.index(of: 60.5) == 2)
        for (seconds, half) in [(59.0, 30.0), (3_600, 30), (3_601, 150), (14_400, 150), (20_000, 450), (86_400, 450), (90_000, 1_800),
                                (604_800, 1_800), (700_000, 10_800), (2_592_000, 10_800), (9_000_000, 43_200)] {
            #expect(DurationBuckets.precision(at: seconds) == half, "\(seconds)")
        }
    }

    @Test func fastWithinOnTheGridIsExactAndOffItIsRefused() {
        let grid = (1...10_080).filter { minutes in
            minutes <= 60 || (minutes <= 240 && minutes % 5 == 0) || (minutes <= 1_440 && minutes % 15 == 0) || minutes % 60 == 0
        }
        for minutes in 1...10_080 {
            #expect(DurationBuckets.isEdge(Double(minutes * 60)) == grid.contains(minutes), "\(minutes) min")
        }
        var generator = SystemRandomNumberGenerator()
        var histogram = DurationHistogram()
        var values: [Double] = []
        for _ in 0..<3_000 {
            let value = Double(Int.random(in: 0...(8 * 3600), using: &generator))
            values.append(value)
            histogram.add(seconds: value)
        }
        for minutes in grid.prefix(200) {
            #expect(histogram.count(atMost: Double(minutes * 60)) == values.filter { $0 <= Double(minutes * 60) }.count)
        }
        #expect(histogram.count(atMost: 61 * 60) == nil)
    }

    @Test func histogramMediansStayWithinHalfABucketOfTheExactOnes() {
        var generator = SystemRandomNumberGenerator()
        for size in [1, 2, 3, 10, 101, 1_000] {
            for scale in [90.0, 5_000, 80_000, 400_000, 5_000_000] {
                let values = (0..<size).map { _ in Double.random(in: 0...scale, using: &generator).rounded() }
                var histogram = DurationHistogram()
                values.forEach { histogram.add(seconds: $0) }
                let sorted = values.sorted()
                let bound = max(DurationBuckets.precision(at: sorted[(size - 1) / 2]), DurationBuckets.precision(at: sorted[size / 2]))
                let exact = Statistics.median(values)!
                #expect(abs(histogram.median! - exact) <= bound + 1e-9, "\(size) values up to \(scale)")
            }
        }
        #expect(DurationHistogram().median == nil)
        var packed = DurationHistogram()
        packed.add(bucket: 3, count: 2)
        packed.add(bucket: 400, count: 70_000)
        #expect(DurationHistogram(packed: [3 << 32 | 2, 400 << 32 | 70_000]) == packed)
    }

    @Test func talliesAddUpToTheDefinitions() {
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        var tickets: [ReportTicket] = []
        for i in 0..<500 {
            let created = start.addingTimeInterval(Double(i * 977))
            tickets.append(ReportTicket(
                createdAt: created, teamID: Int64(i % 3), category: i % 7 == 0 ? nil : .payment, assigneeID: i % 5 == 0 ? nil : Int64(i % 4),
                firstResponseAt: i % 9 == 0 ? nil : created.addingTimeInterval(Double((i * 131) % 20_000)),
                resolvedAt: i % 6 == 0 ? nil : created.addingTimeInterval(Double((i * 7_919) % 300_000)),
                reopenCount: i % 11 == 0 ? 1 : 0, staffReplyCount: i % 4, slaBreachedAt: i % 8 == 0 ? created : nil,
                repeatContact: i % 13 == 0, csatScore: i % 3 == 0 ? 1 + i % 5 : nil))
        }
        let period = try! ReportPeriod(from: start, to: start.addingTimeInterval(30 * 86_400))
        let whole = ReportTally(tickets)
        var merged = ReportTally(Array(tickets[..<123]))
        merged.merge(ReportTally(Array(tickets[123...])))
        #expect(merged.tickets == whole.tickets && merged.firstResponse == whole.firstResponse && merged.resolution == whole.resolution)
        #expect(merged.csatSum == whole.csatSum && merged.slaMet == whole.slaMet && merged.everResolved == whole.everResolved)
        for fastWithin in [60.0, 1_800, 3_600, 14_400] {
            let reference = ReportMetrics.compute(tickets, period: period, now: period.to, fastWithin: fastWithin)
            var actual = merged.metrics(fastWithin: fastWithin)
            #expect(abs(actual.firstResponseMedian! - reference.firstResponseMedian!) <= 450)
            #expect(abs(actual.resolutionMedian! - reference.resolutionMedian!) <= 1_800)
            actual.firstResponseMedian = reference.firstResponseMedian
            actual.resolutionMedian = reference.resolutionMedian
            (actual.backlog, actual.backlogAgeAvg, actual.backlogAgeMax) = (reference.backlog, reference.backlogAgeAvg, reference.backlogAgeMax)
            #expect(actual.tickets == reference.tickets && actual.answered == reference.answered && actual.resolved == reference.resolved)
            for (name, path) in [("avg", \ReportMetrics.firstResponseAvg), ("fast", \.fastResponsePct), ("res", \.resolutionAvg),
                                 ("fcr", \.firstContactResolutionPct), ("csat", \.csatAvg), ("sat", \.csatSatisfiedPct),
                                 ("repeat", \.repeatContactPct), ("sla", \.slaCompliancePct)] {
                #expect(abs(actual[keyPath: path]! - reference[keyPath: path]!) <= 1e-9 * max(1, abs(reference[keyPath: path]!)), "\(name)")
            }
        }
    }
}
