import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import PostgresNIO
import SupportStore

/// Which pages `support bench pages` fetches, as whom, and how it times them.
struct PagesBenchPlan: Sendable {
    let http: HTTPClient
    let base: String
    let runs: Int

    /// A page and the account that opens it (`owner`, `agent` or `requester`).
    struct Page: Sendable {
        var who: String
        var path: String
    }

    static let accounts = [
        "owner": ("console", "owner@demo.local"), "agent": ("console", "anna@demo.local"), "requester": ("portal", "ivan@example.com"),
        "moderator": ("console", "maxim@demo.local"), "arbiter": ("console", "arkady@demo.local"), "coder": ("console", "kirill@demo.local"),
    ]

    /// The pages, with ids picked from the generated desk: the agent's busiest active ticket, the
    /// requester with the most tickets, the portal requester's newest ticket.
    static func pages(database: PostgresClient, logger: Logger) async throws -> [Page] {
        func id(_ sql: PostgresQuery) async throws -> Int64 {
            guard let value = try await database.query(sql, logger: logger).collect().first?.decode(Int64.self) else {
                throw ValidationError("the benchmark database has no row for: \(sql.sql)")
            }
            return value
        }
        let active = try await id("""
            SELECT t.id FROM ticket t JOIN staff s ON s.id = t.assignee_id
            WHERE s.email = 'anna@demo.local' AND t.status = 'open' ORDER BY t.id DESC LIMIT 1
            """)
        let busiest = try await id("SELECT requester_id FROM ticket GROUP BY requester_id ORDER BY count(*) DESC LIMIT 1")
        let ivans = try await id("SELECT t.id FROM ticket t JOIN requester r ON r.id = t.requester_id WHERE r.contract_email = 'ivan@example.com' ORDER BY t.id DESC LIMIT 1")
        return [
            Page(who: "agent", path: "/console"), Page(who: "agent", path: "/console?line=l1&priority=high"),
            Page(who: "agent", path: "/console?due=30"), Page(who: "agent", path: "/console/tickets/\(active)"),
            Page(who: "agent", path: "/console/requesters/\(busiest)"), Page(who: "owner", path: "/console"),
            Page(who: "owner", path: "/console/reports"), Page(who: "owner", path: "/console/reports?group_by=agent"),
            Page(who: "owner", path: "/console/reports/charts/topics.svg"), Page(who: "owner", path: "/console/complaints"),
            Page(who: "owner", path: "/console/admin"), Page(who: "owner", path: "/console/disputes"),
            Page(who: "moderator", path: "/console/appeals"), Page(who: "arbiter", path: "/console/disputes"),
            Page(who: "coder", path: "/console/incidents"), Page(who: "coder", path: "/console/ops"),
            Page(who: "requester", path: "/portal"), Page(who: "requester", path: "/portal?q=выплата"),
            Page(who: "requester", path: "/portal/tickets/\(ivans)"),
        ]
    }

    /// Signs each account in through its page's form; the session cookies by account.
    func signIn() async throws -> [String: String] {
        var cookies: [String: String] = [:]
        for (who, (area, email)) in Self.accounts {
            var request = HTTPClientRequest(url: "\(base)/\(area)/login")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            let form = "email=\(email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? email)&password=\(DemoSeed.password)"
            request.body = .bytes(ByteBuffer(string: form))
            let response = try await http.execute(request, timeout: .seconds(30))
            guard let cookie = response.headers["Set-Cookie"].first(where: { $0.hasPrefix("support_session=") })?.split(separator: ";").first else {
                throw ValidationError("\(email) could not sign in to /\(area) (HTTP \(response.status.code))")
            }
            cookies[who] = String(cookie)
        }
        return cookies
    }

    func measure(_ pages: [Page]) async throws {
        let cookies = try await signIn()
        var times: [String: [Double]] = [:]
        for round in 0...runs {
            for page in pages {
                var request = HTTPClientRequest(url: base + (page.path.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? page.path))
                request.headers.add(name: "Cookie", value: cookies[page.who] ?? "")
                let started = ContinuousClock.now
                let response = try await http.execute(request, timeout: .seconds(60))
                _ = try await response.body.collect(upTo: 16 << 20)
                let elapsed = (ContinuousClock.now - started).seconds * 1000
                guard response.status == .ok else {
                    throw ValidationError("\(page.who) \(page.path): HTTP \(response.status.code)")
                }
                if round > 0 { times["\(page.who) \(page.path)", default: []].append(elapsed) }
            }
        }
        for page in pages {
            let key = "\(page.who) \(page.path)"
            let values = times[key] ?? []
            emitBenchLine(peer: "support", "page_ms", percentile(values, 50), [
                "as": page.who, "page": page.path.replacingOccurrences(of: " ", with: "+"),
                "p99": String(format: "%.2f", percentile(values, 99)), "max": String(format: "%.2f", values.max() ?? .nan),
            ])
        }
    }
}
