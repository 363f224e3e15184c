import Foundation
import HTTPTypes
import SupportSchema
import Testing

/// The ops page over HTTP on real PostgreSQL: coders and owners only, the queue depths, the worker
/// heartbeats and the dead jobs, and a retry that really puts a dead job back, audited.
struct OpsPageTests {
    typealias P = PortalPagesTests

    @Test func codersSeeTheQueuesWorkersAndDeadJobsAndRetryOneOthersAreRefused() async throws {
        try await AuthFixture.with { app in
            try await app.staff("anna@desk.local", roles: [.agent])
            try await app.staff("kirill@desk.local", roles: [.coder])
            _ = try await app.int("INSERT INTO job (queue, kind, payload) VALUES ('routing', 'routing', '\\x7b7d') RETURNING 1")
            _ = try await app.int("""
                INSERT INTO job_dead (id, queue, kind, payload, priority, attempt, max_attempts, created_at, run_at, reason, last_error)
                VALUES (900001, 'notify', 'notify', '\\x7b7d', 0, 20, 20, now(), now(), 'exhausted', 'telegram: 502 Bad Gateway') RETURNING 1
                """)
            _ = try await app.int("""
                INSERT INTO job_worker (id, lock_key, lock_namespace, queues, pid, host, heartbeat_at)
                VALUES ('worker-routing-1-test', 1, 1, '{routing}', 4242, 'vm', now() - interval '30 seconds') RETURNING 1
                """)
            let agent = try await ConsolePagesTests.signIn(app, "anna@desk.local")
            #expect(try await P.page(app, .get, "/console/ops", cookie: agent).status == .forbidden)

            let coder = try await ConsolePagesTests.signIn(app, "kirill@desk.local")
            let page = try await P.page(app, .get, "/console/ops", cookie: coder)
            #expect(page.status == .ok && page.body.contains("id=\"nav-ops\""))
            #expect(page.body.contains("worker-routing-1-test") && page.body.contains("pid 4242"), "the worker and its heartbeat")
            #expect(page.body.contains("telegram: 502 Bad Gateway") && page.body.contains("retry-900001"))
            let csrf = try #require(page.csrf)

            #expect(try await P.page(app, .post, "/console/ops/dead/900001/retry", cookie: coder, form: ["csrf": "stale"]).status == .forbidden)
            #expect(try await P.page(app, .post, "/console/ops/dead/900001/retry", cookie: agent, form: ["csrf": csrf]).status == .forbidden,
                    "someone else's CSRF value is no key")
            let retried = try await P.page(app, .post, "/console/ops/dead/900001/retry", cookie: coder, form: ["csrf": csrf])
            #expect(retried.status == .seeOther && retried.location == "/console/ops?retried=900001")
            #expect(try await app.int("SELECT count(*) FROM job WHERE id = 900001 AND state = 0") == 1)
            #expect(try await app.int("SELECT count(*) FROM job_dead") == 0)
            #expect(try await app.auditRows().contains { $0.action == "job.retry" && $0.targetID == 900001 })
            let again = try await P.page(app, .post, "/console/ops/dead/900001/retry", cookie: coder, form: ["csrf": csrf])
            #expect(again.status == .conflict || again.status == .notFound, "a job that is no longer dead")
        }
    }
}
