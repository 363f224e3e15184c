import Foundation
import Hummingbird
import SupportDomain
import SupportStore

/// `GET /console/reports`: the report figures for a period and grouping, the agents' ratings and the
/// topics' trend, with the API's SVG charts and CSV exports served under the console's session
/// (`/console/reports/<summary|topics|agents>` and `/console/reports/charts/<summary|topics>.svg`).
/// Every figure comes from `ReportController`, so page, JSON and CSV always agree.
struct ConsoleReportsPage: Sendable {
    let console: ConsolePages

    var reports: ReportController { ReportController(database: console.database, authorizer: console.authorizer) }

    func add(to router: Router<APIRequestContext>) {
        router.get("console/reports") { request, context in
            guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
            if let normal = Self.normalized(request.uri.queryParameters) { return PageRenderer.redirect("/console/reports" + normal) }
            do {
                return try await render(request, session)
            } catch let refusal as APIError where refusal.status.code < 500 {
                var values = session.base(title: session.words["nav_reports"] ?? "", current: "reports")
                values["error"] = refusal.message
                return console.renderer.page("portal_login", locale: session.locale, values: values, status: refusal.status)
            }
        }
        for (path, handler) in [
            ("summary", reports.summary), ("topics", reports.topics), ("agents", reports.agents),
            ("charts/summary.svg", reports.summaryChart), ("charts/topics.svg", reports.topicsChart),
        ] as [(String, @Sendable (Request, APIRequestContext) async throws -> Response)] {
            router.get("console/reports/\(path)") { request, context in
                guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
                return try await handler(request, session.context)
            }
        }
    }

    func render(_ request: Request, _ session: ConsoleSession) async throws -> Response {
        let query = try await reports.allowed(request, session.context)
        let logger = session.context.logger
        async let summary = reports.loadSummary(query, logger: logger)
        async let topics = reports.loadTopics(query, logger: logger)
        async let agents = reports.loadAgents(query, logger: logger)
        let (groups, (_, trends), ratings) = try await (summary, topics, agents)
        let iso = ISO8601DateFormatter()
        let parameters = "from=\(iso.string(from: query.period.from))&to=\(iso.string(from: query.period.to))&group_by=\(query.dimension.rawValue)"
        var values = session.base(title: session.words["nav_reports"] ?? "", current: "reports")
        values.merge([
            "from": ReportController.day(query.period.from), "to": ReportController.day(query.period.to.addingTimeInterval(-1)),
            "parameters": parameters,
            "dimensions": ReportDimension.allCases.map { ["value": $0.rawValue, "selected": $0 == query.dimension] },
            "groups": groups.map { group -> [String: Any] in
                let m = group.metrics
                return ["label": group.label, "tickets": m.tickets, "frt": Self.duration(m.firstResponseMedian), "fast": Self.percent(m.fastResponsePct),
                        "resolution": Self.duration(m.resolutionMedian), "fcr": Self.percent(m.firstContactResolutionPct),
                        "csat": m.csatAvg.map { String(format: "%.2f", $0) } ?? "—", "sla": Self.percent(m.slaCompliancePct),
                        "repeat": Self.percent(m.repeatContactPct), "backlog": m.backlog]
            },
            "topics": trends.prefix(15).map { ["topic": $0.topic, "total": $0.total, "slope": String(format: "%+.2f", $0.slope)] as [String: Any] },
            "agents": ratings.map { rating -> [String: Any] in
                ["name": rating.name, "tickets": rating.tickets, "resolved": rating.resolved,
                 "csat": rating.csatAvg.map { String(format: "%.2f (%d)", $0, rating.csatCount) } ?? "—",
                 "sla": Self.percent(rating.slaCompliancePct), "reopen": Self.percent(rating.reopenPct)]
            },
        ]) { $1 }
        return console.renderer.page("console_reports", locale: session.locale, values: values)
    }

    /// The form's fields as the API reads them, when they differ: an empty field means "the default",
    /// and the "to" date is inclusive (the API's plain date is that day's midnight, so the next day's).
    static func normalized(_ query: some Sequence<(key: Substring, value: Substring)>) -> String? {
        var changed = false
        var kept: [String] = []
        for (key, value) in query {
            guard !value.isEmpty else { changed = true; continue }
            if key == "to", value.count == 10, let day = try? ReportQuery.time(String(value), "to") {
                kept.append("to=\(ISO8601DateFormatter().string(from: day.addingTimeInterval(86_400)))")
                changed = true
            } else {
                kept.append("\(key)=\(value)")
            }
        }
        return changed ? (kept.isEmpty ? "" : "?" + kept.joined(separator: "&")) : nil
    }

    static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f %%", $0) } ?? "—" }

    /// Seconds as `2h 05m` or `14m`.
    static func duration(_ seconds: Double?) -> String {
        guard let seconds else { return "—" }
        let minutes = Int((seconds / 60).rounded())
        return minutes >= 60 ? String(format: "%dh %02dm", minutes / 60, minutes % 60) : "\(minutes)m"
    }
}
