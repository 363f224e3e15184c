public import Foundation

/// One group's figures over a period; the definitions are in Docs/REPORTS.md and in ``compute(_:period:now:fastWithin:)``.
///
/// Durations are seconds of wall-clock time; percentages are 0…100; a figure with nothing to average is nil.
public struct ReportMetrics: Codable, Sendable, Hashable {
    /// Tickets created in the period (the cohort every other figure but the backlog is about).
    public var tickets: Int = 0
    public var answered: Int = 0
    public var firstResponseAvg: Double?
    public var firstResponseMedian: Double?
    /// Of the answered tickets, the share first answered within `fastWithin`.
    public var fastResponsePct: Double?
    public var resolved: Int = 0
    public var resolutionAvg: Double?
    public var resolutionMedian: Double?
    /// Of the resolved tickets, the share resolved with at most one staff reply and never reopened.
    public var firstContactResolutionPct: Double?
    public var csatCount: Int = 0
    public var csatAvg: Double?
    /// Of the rated tickets, the share rated 4 or 5.
    public var csatSatisfiedPct: Double?
    /// The share of tickets that repeat the requester's problem (same category within 7 days before).
    public var repeatContactPct: Double?
    /// The share of tickets that never breached an SLA deadline.
    public var slaCompliancePct: Double?
    /// Tickets created before the end of the period and not finished by then (of any cohort).
    public var backlog: Int = 0
    public var backlogAgeAvg: Double?
    public var backlogAgeMax: Double?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case tickets, answered, resolved, backlog
        case firstResponseAvg = "first_response_avg_s"
        case firstResponseMedian = "first_response_median_s"
        case fastResponsePct = "fast_response_pct"
        case resolutionAvg = "resolution_avg_s"
        case resolutionMedian = "resolution_median_s"
        case firstContactResolutionPct = "fcr_pct"
        case csatCount = "csat_count"
        case csatAvg = "csat_avg"
        case csatSatisfiedPct = "csat_satisfied_pct"
        case repeatContactPct = "repeat_contact_pct"
        case slaCompliancePct = "sla_compliance_pct"
        case backlogAgeAvg = "backlog_age_avg_s"
        case backlogAgeMax = "backlog_age_max_s"
    }

    /// The reference definition: every figure for `tickets` (already one group) over `period`.
    public static func compute(
        _ tickets: [ReportTicket], period: ReportPeriod, now: Date, fastWithin: TimeInterval
    ) -> ReportMetrics {
        var metrics = ReportMetrics()
        let cohort = tickets.filter { $0.createdAt >= period.from && $0.createdAt < period.to }
        metrics.tickets = cohort.count
        let responses = cohort.compactMap { t in t.firstResponseAt.map { $0.timeIntervalSince(t.createdAt) } }
        metrics.answered = responses.count
        metrics.firstResponseAvg = Statistics.mean(responses)
        metrics.firstResponseMedian = Statistics.median(responses)
        metrics.fastResponsePct = Statistics.percent(responses.filter { $0 <= fastWithin }.count, of: responses.count)
        let resolved = cohort.filter { $0.resolvedAt != nil }
        let resolutions = resolved.map { $0.resolvedAt!.timeIntervalSince($0.createdAt) }
        metrics.resolved = resolved.count
        metrics.resolutionAvg = Statistics.mean(resolutions)
        metrics.resolutionMedian = Statistics.median(resolutions)
        metrics.firstContactResolutionPct = Statistics.percent(
            resolved.filter { $0.staffReplyCount <= 1 && $0.reopenCount == 0 }.count, of: resolved.count)
        let scores = cohort.compactMap(\.csatScore)
        metrics.csatCount = scores.count
        metrics.csatAvg = Statistics.mean(scores.map(Double.init))
        metrics.csatSatisfiedPct = Statistics.percent(scores.filter { $0 >= 4 }.count, of: scores.count)
        metrics.repeatContactPct = Statistics.percent(cohort.filter(\.repeatContact).count, of: cohort.count)
        metrics.slaCompliancePct = Statistics.percent(cohort.filter { $0.slaBreachedAt == nil }.count, of: cohort.count)
        let asOf = period.asOf(now: now)
        let ages = tickets.filter { t in t.createdAt < asOf && (t.finishedAt.map { $0 >= asOf } ?? true) }
            .map { asOf.timeIntervalSince($0.createdAt) }
        metrics.backlog = ages.count
        metrics.backlogAgeAvg = Statistics.mean(ages)
        metrics.backlogAgeMax = ages.max()
        return metrics
    }

    /// ``compute(_:period:now:fastWithin:)`` per group: keyed by ``ReportTicket/key(_:)`` ("none" for nil).
    public static func grouped(
        _ tickets: [ReportTicket], by dimension: ReportDimension, period: ReportPeriod, now: Date, fastWithin: TimeInterval
    ) -> [String: ReportMetrics] {
        Dictionary(grouping: tickets) { $0.key(dimension) ?? "none" }
            .mapValues { compute($0, period: period, now: now, fastWithin: fastWithin) }
            .filter { $0.value.tickets > 0 || $0.value.backlog > 0 }
    }
}
