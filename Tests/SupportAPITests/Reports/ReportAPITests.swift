import Foundation
import HTTPTypes
import SupportDomain
import SupportSchema
import SupportStore
import Testing

/// The report routes on the live API: owners only, JSON, CSV and SVG, validation with the field named.
struct ReportAPITests {
    @Test func ownersGetFiguresTopicsAgentsAndCharts() async throws {
        try await AuthFixture.with { app in
            let alice = try await app.requester("alice@example.com")
            try await app.staff("owner@desk.local", roles: [.owner])
            let agent = try await app.staff("agent@desk.local", roles: [.agent])
            let answered = try await app.ticket(of: alice, subject: "refund", category: .payment, assignee: agent)
            _ = try await app.client.query(
                """
                UPDATE ticket SET status = 'resolved', created_at = now() - interval '3 hours', first_response_at = now() - interval '2 hours',
                                  resolved_at = now() - interval '1 hour', csat_score = 4, csat_at = now(), staff_reply_count = 1
                WHERE id = \(answered.rawValue)
                """, logger: app.logger)
            try await app.ticket(of: alice, subject: "crash", category: .technical)
            _ = try await app.client.query(
                "INSERT INTO csat_agent_rating (ticket_id, staff_id, score) VALUES (\(answered.rawValue), \(agent.rawValue), 4)", logger: app.logger)
            let owner = try await app.login("owner@desk.local")

            let total = try await app.call(.get, "/api/v1/reports/summary", token: owner)
            #expect(total.status == .ok, "\(total.body)")
            let groups = try #require(total.json["groups"] as? [[String: Any]])
            let metrics = try #require(groups.first?["metrics"] as? [String: Any])
            #expect(groups.count == 1 && metrics["tickets"] as? Int == 2 && metrics["backlog"] as? Int == 1)
            func number(_ key: String) -> Double? { (metrics[key] as? NSNumber)?.doubleValue }
            #expect(number("first_response_median_s") == 3600)
            #expect(number("resolution_avg_s") == 7200)
            #expect(number("fcr_pct") == 100 && number("csat_avg") == 4)

            let byCategory = try await app.call(.get, "/api/v1/reports/summary?group_by=category&format=csv", token: owner)
            #expect(byCategory.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = byCategory.body.split(separator: "\r\n")
            #expect(lines.count == 3 && lines[0].hasPrefix("key,label,tickets"))
            #expect(lines.contains { $0.hasPrefix("payment,payment,1,1,") })

            let topics = try await app.call(.get, "/api/v1/reports/topics?bucket=week&format=csv", token: owner)
            #expect(topics.status == .ok && topics.body.hasPrefix("topic,total,slope,last_change_pct,"))
            let topicsJSON = try await app.call(.get, "/api/v1/reports/topics", token: owner)
            #expect((topicsJSON.json["buckets"] as? [Any])?.count == 31)

            let agents = try await app.call(.get, "/api/v1/reports/agents", token: owner)
            let rows = try #require(agents.json["agents"] as? [[String: Any]])
            #expect(rows.count == 1 && rows[0]["staff_id"] as? Int == Int(agent.rawValue) && (rows[0]["csat_avg"] as? NSNumber)?.doubleValue == 4)

            let chart = try await app.call(.get, "/api/v1/reports/charts/summary.svg?group_by=agent&metric=fcr_pct", token: owner)
            #expect(chart.headers[.contentType] == "image/svg+xml" && chart.body.hasPrefix("<svg") && chart.body.contains("agent@desk.local"))
            let lineChart = try await app.call(.get, "/api/v1/reports/charts/topics.svg?from=2026-01-01&to=2026-02-01T00:00:00Z", token: owner)
            #expect(lineChart.status == .ok && lineChart.body.contains("<svg"))
        }
    }

    @Test func badParametersAreNamedAndOnlyOwnersMayLook() async throws {
        try await AuthFixture.with { app in
            try await app.staff("owner@desk.local", roles: [.owner])
            try await app.staff("agent@desk.local", roles: [.agent])
            let owner = try await app.login("owner@desk.local")
            for (query, field) in [
                ("group_by=planet", "group_by"), ("bucket=hour", "bucket"), ("from=yesterday", "from"), ("fast_within=0", "fast_within"),
                ("format=xml", "format"),
            ] {
                let reply = try await app.call(.get, "/api/v1/reports/summary?\(query)", token: owner)
                #expect(reply.status == .badRequest && reply.body.contains(field), "\(query): \(reply.body)")
            }
            let backwards = try await app.call(.get, "/api/v1/reports/topics?from=2026-02-01&to=2026-01-01", token: owner)
            #expect(backwards.status == .conflict && backwards.errorCode == "invalid_period")
            let tooLong = try await app.call(.get, "/api/v1/reports/agents?from=2020-01-01&to=2026-01-01", token: owner)
            #expect(tooLong.status == .conflict)
            let metric = try await app.call(.get, "/api/v1/reports/charts/summary.svg?metric=mood", token: owner)
            #expect(metric.status == .badRequest && metric.body.contains("metric"))

            let agent = try await app.login("agent@desk.local")
            let denied = try await app.call(.get, "/api/v1/reports/summary", token: agent)
            #expect(denied.status == .forbidden)
            #expect(try await app.auditRows().contains { $0.action == "access.denied" && $0.targetType == "report" })
        }
    }
}
