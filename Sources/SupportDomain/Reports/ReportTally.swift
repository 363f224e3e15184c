public import Foundation

/// The additive figures of a set of tickets and their duration histograms: one row of the report
/// rollup (a week × group), or the tickets read straight from `ticket` for the days the rollup does not
/// cover. Tallies merge by adding, and ``metrics(fastWithin:)`` turns the sum into a report's figures.
public struct ReportTally: Sendable, Hashable {
    public var tickets = 0
    public var answered = 0
    public var firstResponseSum = 0.0
    public var resolved = 0
    public var resolutionSum = 0.0
    /// Resolved with at most one staff reply and never reopened.
    public var firstContactResolved = 0
    public var csatCount = 0
    public var csatSum = 0
    /// Rated 4 or 5.
    public var csatSatisfied = 0
    public var repeatContacts = 0
    /// Never breached an SLA deadline.
    public var slaMet = 0
    /// Reopened at least once.
    public var reopened = 0
    /// Resolved now or reopened at least once (ever resolved): the agent report's reopen base.
    public var everResolved = 0
    public var firstResponse = DurationHistogram()
    public var resolution = DurationHistogram()

    public init() {}

    /// The reference: the tally of `tickets` as the rollup's SQL computes it.
    public init(_ tickets: [ReportTicket]) {
        for ticket in tickets {
            self.tickets += 1
            if let response = ticket.firstResponseAt?.timeIntervalSince(ticket.createdAt) {
                answered += 1
                firstResponseSum += response
                firstResponse.add(seconds: response)
            }
            if let resolution = ticket.resolvedAt?.timeIntervalSince(ticket.createdAt) {
                resolved += 1
                resolutionSum += resolution
                self.resolution.add(seconds: resolution)
                if ticket.staffReplyCount <= 1 && ticket.reopenCount == 0 { firstContactResolved += 1 }
            }
            if let score = ticket.csatScore {
                csatCount += 1
                csatSum += score
                if score >= 4 { csatSatisfied += 1 }
            }
            if ticket.repeatContact { repeatContacts += 1 }
            if ticket.slaBreachedAt == nil { slaMet += 1 }
            if ticket.reopenCount > 0 { reopened += 1 }
            if ticket.resolvedAt != nil || ticket.reopenCount > 0 { everResolved += 1 }
        }
    }

    public mutating func merge(_ other: ReportTally) {
        tickets += other.tickets
        answered += other.answered
        firstResponseSum += other.firstResponseSum
        resolved += other.resolved
        resolutionSum += other.resolutionSum
        firstContactResolved += other.firstContactResolved
        csatCount += other.csatCount
        csatSum += other.csatSum
        csatSatisfied += other.csatSatisfied
        repeatContacts += other.repeatContacts
        slaMet += other.slaMet
        reopened += other.reopened
        everResolved += other.everResolved
        firstResponse.merge(other.firstResponse)
        resolution.merge(other.resolution)
    }

    /// The cohort figures (everything but the backlog) as ``ReportMetrics/compute(_:period:now:fastWithin:)``
    /// defines them, with histogram medians. `fastWithin` must be a bucket edge (``DurationBuckets/isEdge(_:)``).
    public func metrics(fastWithin: TimeInterval) -> ReportMetrics {
        var metrics = ReportMetrics()
        metrics.tickets = tickets
        metrics.answered = answered
        metrics.firstResponseAvg = answered == 0 ? nil : firstResponseSum / Double(answered)
        metrics.firstResponseMedian = firstResponse.median
        metrics.fastResponsePct = firstResponse.count(atMost: fastWithin).flatMap { Statistics.percent($0, of: answered) }
        metrics.resolved = resolved
        metrics.resolutionAvg = resolved == 0 ? nil : resolutionSum / Double(resolved)
        metrics.resolutionMedian = resolution.median
        metrics.firstContactResolutionPct = Statistics.percent(firstContactResolved, of: resolved)
        metrics.csatCount = csatCount
        metrics.csatAvg = csatCount == 0 ? nil : Double(csatSum) / Double(csatCount)
        metrics.csatSatisfiedPct = Statistics.percent(csatSatisfied, of: csatCount)
        metrics.repeatContactPct = Statistics.percent(repeatContacts, of: tickets)
        metrics.slaCompliancePct = Statistics.percent(slaMet, of: tickets)
        return metrics
    }
}
