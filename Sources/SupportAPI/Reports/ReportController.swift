import Foundation
import Hummingbird
import Logging
import NIOCore
import PostgresNIO
import SupportDomain
import SupportStore

/// Reports for owners (`view_reports`): figures per group, topics with their trend, agent ratings, as
/// JSON, CSV (`format=csv`) or server-rendered SVG charts. Definitions in Docs/REPORTS.md.
struct ReportController: Sendable {
    let database: Database
    let authorizer: Authorizer

    func add(to group: RouterGroup<APIRequestContext>) {
        group.get("reports/summary") { request, context in try await summary(request, context: context) }
        group.get("reports/topics") { request, context in try await topics(request, context: context) }
        group.get("reports/agents") { request, context in try await agents(request, context: context) }
        group.get("reports/charts/summary.svg") { request, context in try await summaryChart(request, context: context) }
        group.get("reports/charts/topics.svg") { request, context in try await topicsChart(request, context: context) }
    }

    struct SummaryBody: Encodable {
        var from: Date
        var to: Date
        var groupBy: ReportDimension
        var fastWithinSeconds: Int
        var groups: [ReportGroup]
        enum CodingKeys: String, CodingKey {
            case from, to, groups
            case groupBy = "group_by"
            case fastWithinSeconds = "fast_within_s"
        }
    }

    struct TopicsBody: Encodable {
        var from: Date
        var to: Date
        var bucket: ReportBucket
        var buckets: [Date]
        var topics: [TopicTrend]
    }

    struct AgentsBody: Encodable {
        var from: Date
        var to: Date
        var agents: [AgentRating]
    }

    /// The figures a summary chart may show, by their JSON names.
    static let chartMetrics: [String: any KeyPath<ReportMetrics, Double?> & Sendable] = [
        "first_response_avg_s": \.firstResponseAvg, "first_response_median_s": \.firstResponseMedian,
        "fast_response_pct": \.fastResponsePct, "resolution_avg_s": \.resolutionAvg, "resolution_median_s": \.resolutionMedian,
        "fcr_pct": \.firstContactResolutionPct, "csat_avg": \.csatAvg, "csat_satisfied_pct": \.csatSatisfiedPct,
        "repeat_contact_pct": \.repeatContactPct, "sla_compliance_pct": \.slaCompliancePct, "backlog_age_avg_s": \.backlogAgeAvg,
    ]

    func summary(_ request: Request, context: APIRequestContext) async throws -> Response {
        let query = try await allowed(request, context)
        let groups = try await loadSummary(query, logger: context.logger)
        guard query.csv else {
            return try JSONBody.response(SummaryBody(
                from: query.period.from, to: query.period.to, groupBy: query.dimension, fastWithinSeconds: Int(query.fastWithin),
                groups: groups))
        }
        let header = ["key", "label", "tickets", "answered"] + Self.chartMetrics.keys.sorted() + ["resolved", "csat_count", "backlog", "backlog_age_max_s"]
        let rows = groups.map { group in
            [group.key, group.label, String(group.metrics.tickets), String(group.metrics.answered)]
                + Self.chartMetrics.keys.sorted().map { CSVTable.number(group.metrics[keyPath: Self.chartMetrics[$0]!]) }
                + [String(group.metrics.resolved), String(group.metrics.csatCount), String(group.metrics.backlog),
                   CSVTable.number(group.metrics.backlogAgeMax)]
        }
        return Self.text(CSVTable.render(header: header, rows: rows), type: "text/csv; charset=utf-8")
    }

    func topics(_ request: Request, context: APIRequestContext) async throws -> Response {
        let query = try await allowed(request, context)
        let (starts, topics) = try await loadTopics(query, logger: context.logger)
        guard query.csv else {
            return try JSONBody.response(TopicsBody(from: query.period.from, to: query.period.to, bucket: query.bucket, buckets: starts, topics: topics))
        }
        let header = ["topic", "total", "slope", "last_change_pct"] + starts.map(Self.day)
        let rows = topics.map { topic in
            [topic.topic, String(topic.total), CSVTable.number(topic.slope), CSVTable.number(topic.lastChangePct)]
                + topic.counts.map(String.init)
        }
        return Self.text(CSVTable.render(header: header, rows: rows), type: "text/csv; charset=utf-8")
    }

    func agents(_ request: Request, context: APIRequestContext) async throws -> Response {
        let query = try await allowed(request, context)
        let period = query.period
        let agents = try await loadAgents(query, logger: context.logger)
        guard query.csv else { return try JSONBody.response(AgentsBody(from: period.from, to: period.to, agents: agents)) }
        let header = ["staff_id", "name", "tickets", "resolved", "csat_count", "csat_avg", "sla_compliance_pct", "reopen_pct"]
        let rows = agents.map {
            [String($0.staffID), $0.name, String($0.tickets), String($0.resolved), String($0.csatCount), CSVTable.number($0.csatAvg),
             CSVTable.number($0.slaCompliancePct), CSVTable.number($0.reopenPct)]
        }
        return Self.text(CSVTable.render(header: header, rows: rows), type: "text/csv; charset=utf-8")
    }

    /// One figure (`metric`, default `csat_avg`) per group as bars.
    func summaryChart(_ request: Request, context: APIRequestContext) async throws -> Response {
        let query = try await allowed(request, context)
        let name = request.uri.queryParameters["metric"].map(String.init) ?? "csat_avg"
        guard let metric = Self.chartMetrics[name] else {
            throw APIError(.badRequest, code: "invalid_parameter", message: "metric: one of \(Self.chartMetrics.keys.sorted().joined(separator: ", "))")
        }
        let groups = try await loadSummary(query, logger: context.logger)
        let svg = SVGChart.bars(
            title: "\(name) by \(query.dimension.rawValue), \(Self.day(query.period.from)) – \(Self.day(query.period.to))",
            bars: groups.map { ($0.label, $0.metrics[keyPath: metric] ?? 0) })
        return Self.text(svg, type: "image/svg+xml")
    }

    /// The eight most frequent topics over time.
    func topicsChart(_ request: Request, context: APIRequestContext) async throws -> Response {
        let query = try await allowed(request, context)
        let (starts, topics) = try await loadTopics(query, logger: context.logger)
        let svg = SVGChart.lines(
            title: "Tickets per \(query.bucket.rawValue) by topic", xLabels: starts.map(Self.day),
            series: topics.prefix(8).map { ($0.topic, $0.counts.map(Double.init)) })
        return Self.text(svg, type: "image/svg+xml")
    }

    func loadSummary(_ query: ReportQuery, logger: Logger) async throws -> [ReportGroup] {
        try await database.transaction { connection in
            let store = ReportStore(connection: connection, logger: logger)
            try await store.prepare()
            return try await store.summary(query.period, by: query.dimension, fastWithin: query.fastWithin)
        }
    }

    func loadAgents(_ query: ReportQuery, logger: Logger) async throws -> [AgentRating] {
        try await database.transaction { connection in
            let store = ReportStore(connection: connection, logger: logger)
            try await store.prepare()
            return try await store.agents(query.period)
        }
    }

    func loadTopics(_ query: ReportQuery, logger: Logger) async throws -> ([Date], [TopicTrend]) {
        try await database.transaction { connection in
            let store = ReportStore(connection: connection, logger: logger)
            try await store.prepare()
            return try await store.topics(query.period, bucket: query.bucket)
        }
    }

    /// The caller may view reports; the query parsed from the request (400 naming a bad field).
    func allowed(_ request: Request, _ context: APIRequestContext) async throws -> ReportQuery {
        let principal = try authorizer.principal(context)
        try await authorizer.authorize(principal, .viewReports, target: AuditTarget(type: "report", id: nil), logger: context.logger)
        return try ReportQuery(request)
    }

    static func day(_ date: Date) -> String {
        String(ISO8601DateFormatter().string(from: date).prefix(10))
    }

    static func text(_ body: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
