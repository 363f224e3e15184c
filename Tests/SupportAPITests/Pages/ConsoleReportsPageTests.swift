import Foundation
import HTTPTypes
import SupportSchema
import Testing

/// The reports page over HTTP on real PostgreSQL: owners only, the same figures as the API, charts and
/// CSV under the console session, and a bad period shown as a 4xx page.
struct ConsoleReportsPageTests {
    typealias P = PortalPagesTests

    @Test func ownersSeeTheFiguresChartsAndExportsOthersAreRefused() async throws {
        try await AuthFixture.with { app in
            let vera = try await app.requester("vera@example.com")
            let anna = try await app.staff("anna@desk.local", roles: [.agent])
            try await app.staff("owner@desk.local", roles: [.owner])
            for score in [5, 4, 1] {
                let ticket = try await app.ticket(of: vera, subject: "Оценка \(score)", assignee: anna)
                _ = try await app.int(
                    "UPDATE ticket SET status = 'resolved', resolved_at = now(), csat_score = \(score), csat_at = now() WHERE id = \(ticket.rawValue) RETURNING 1")
            }
            let agent = try await ConsolePagesTests.signIn(app, "anna@desk.local")
            #expect(try await P.page(app, .get, "/console/reports", cookie: agent).status == .forbidden)
            #expect(try await P.page(app, .get, "/console/reports/summary?format=csv", cookie: agent).status == .forbidden)
            #expect(!(try await P.page(app, .get, "/console", cookie: agent).body.contains("/console/reports")), "no menu entry that would only refuse")

            let owner = try await ConsolePagesTests.signIn(app, "owner@desk.local")
            let page = try await P.page(app, .get, "/console/reports", cookie: owner)
            #expect(page.status == .ok && page.body.contains("id=\"summary\"") && page.body.contains("3.33"), "the mean of 5, 4 and 1")
            #expect(page.body.contains("id=\"nav-reports\"") && page.body.contains("chart-topics"))
            let csv = try await P.page(app, .get, "/console/reports/summary?format=csv", cookie: owner)
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true && csv.body.contains("csat_avg"))
            let chart = try await P.page(app, .get, "/console/reports/charts/summary.svg?metric=csat_avg", cookie: owner)
            #expect(chart.status == .ok && chart.body.hasPrefix("<svg") || chart.body.contains("<svg"))
            #expect(try await P.page(app, .get, "/console/reports/charts/summary.svg").status == .seeOther, "no session: to sign-in")

            let backwards = try await P.page(app, .get, "/console/reports?from=2026-11-10T00:00:00Z&to=2026-11-01T00:00:00Z", cookie: owner)
            #expect(backwards.status == .conflict && backwards.body.contains("from/to"))
            let garbage = try await P.page(app, .get, "/console/reports?group_by=planet", cookie: owner)
            #expect(garbage.status == .badRequest && garbage.body.contains("group_by"))
            let blank = try await P.page(app, .get, "/console/reports?from=&group_by=agent", cookie: owner)
            #expect(blank.status == .seeOther && blank.location == "/console/reports?group_by=agent", "an empty date means the default")
            let inclusive = try await P.page(app, .get, "/console/reports?to=2026-11-23", cookie: owner)
            #expect(inclusive.location == "/console/reports?to=2026-11-24T00:00:00Z", "the form's last day is included")
        }
    }
}
