import Foundation
import HTTPTypes
import SupportSchema
import SupportStore
import Testing

/// The owner views and the ops page over HTTP on real PostgreSQL: who may open them (403 otherwise),
/// CSRF on every form, and writes that go through the API's save path with their audit rows.
struct OwnerPagesTests {
    typealias P = PortalPagesTests
    typealias C = ConsolePagesTests

    @Test func ownersSeeComplaintsWithWhoTheyNameAndTheAccusedDoesNot() async throws {
        try await AuthFixture.with { app in
            let vera = try await app.requester("vera@example.com")
            let anna = try await app.staff("anna@desk.local", roles: [.agent])
            _ = try await app.int("UPDATE staff SET name = 'Анна Петрова' WHERE id = \(anna.rawValue) RETURNING 1")
            try await app.staff("owner@desk.local", roles: [.owner])
            let accusedOwner = try await app.staff("boss@desk.local", roles: [.owner])
            let complaint = try await app.ticket(of: vera, subject: "Анна грубит", category: .complaint, named: anna, line: .l3)
            _ = try await app.ticket(of: vera, subject: "Начальник грубит", category: .complaint, named: accusedOwner, line: .l3)
            _ = try await app.ticket(of: vera, subject: "Обычный вопрос")

            let agent = try await C.signIn(app, "anna@desk.local")
            #expect(try await P.page(app, .get, "/console/complaints", cookie: agent).status == .forbidden)
            #expect(try await app.auditRows().contains { $0.action == "access.denied" && $0.targetType == "complaints" })

            let owner = try await C.signIn(app, "owner@desk.local")
            let list = try await P.page(app, .get, "/console/complaints", cookie: owner)
            #expect(list.status == .ok && list.body.contains("Анна грубит") && list.body.contains("Анна Петрова"))
            #expect(list.body.contains("Начальник грубит") && !list.body.contains("Обычный вопрос"))
            #expect(list.body.contains("/console/tickets/\(complaint.rawValue)"))

            let boss = try await C.signIn(app, "boss@desk.local")
            let theirs = try await P.page(app, .get, "/console/complaints", cookie: boss)
            #expect(theirs.status == .ok && theirs.body.contains("Анна грубит") && !theirs.body.contains("Начальник грубит"),
                    "an owner a complaint names does not see it either")
        }
    }

    @Test func theAdminPageListsSettingsAndAddsStaffThroughTheAPIPath() async throws {
        try await AuthFixture.with { app in
            try await app.staff("anna@desk.local", roles: [.agent])
            try await app.staff("owner@desk.local", roles: [.owner])
            _ = try await app.int("INSERT INTO classification_rule (pattern, language, category) VALUES ('возврат', 'ru', 'payment') RETURNING id")

            let agent = try await C.signIn(app, "anna@desk.local")
            #expect(try await P.page(app, .get, "/console/admin", cookie: agent).status == .forbidden)

            let owner = try await C.signIn(app, "owner@desk.local")
            let page = try await P.page(app, .get, "/console/admin", cookie: owner)
            #expect(page.status == .ok && page.body.contains("anna@desk.local") && page.body.contains("возврат"))
            #expect(page.body.contains("admin-sla") && page.body.contains("admin-teams") && page.body.contains("admin-kb"))
            let csrf = try #require(page.csrf)

            let form = ["csrf": csrf, "name": "Борис", "email": "Boris@Desk.local", "role": "moderator"]
            #expect(try await P.page(app, .post, "/console/admin/staff", cookie: owner, form: form.merging(["csrf": "x"]) { $1 }).status == .forbidden)
            #expect(try await P.page(app, .post, "/console/admin/staff", cookie: agent, form: form.merging(["csrf": "x"]) { $1 }).status == .forbidden)
            let added = try await P.page(app, .post, "/console/admin/staff", cookie: owner, form: form)
            #expect(added.status == .seeOther && added.location == "/console/admin?added=1")
            #expect(try await app.int("SELECT count(*) FROM staff WHERE email = 'boris@desk.local' AND roles = ARRAY['moderator']") == 1)
            #expect(try await app.auditRows().contains { $0.action == "staff.create" && $0.role == "owner" })

            let again = try await P.page(app, .post, "/console/admin/staff", cookie: owner, form: form)
            #expect(again.status == .seeOther && again.location?.hasPrefix("/console/admin?error=") == true, "a taken email is a clear error")
            let bad = try await P.page(app, .post, "/console/admin/staff", cookie: owner, form: form.merging(["role": "king"]) { $1 })
            #expect(bad.location?.hasPrefix("/console/admin?error=") == true)
            #expect(try await app.int("SELECT count(*) FROM staff") == 3)
        }
    }

    @Test func theOpsPageShowsQueuesAndRetriesADeadJob() async throws {
        try await AuthFixture.with { app in
            try await app.staff("anna@desk.local", roles: [.agent])
            try await app.staff("cody@desk.local", roles: [.coder])
            _ = try await app.int("""
                INSERT INTO job_dead (id, queue, kind, payload, priority, attempt, max_attempts, created_at, run_at, reason, last_error)
                VALUES (990001, 'mail', 'send-mail', '\\x7b7d'::bytea, 0, 5, 5, now(), now(), 'exhausted', 'smtp refused') RETURNING 1
                """)
            _ = try await app.int("""
                INSERT INTO job_worker (id, lock_key, lock_namespace, queues, pid, host) VALUES ('w-test', 1, 1, '{mail}', 4242, 'box') RETURNING 1
                """)

            let agent = try await C.signIn(app, "anna@desk.local")
            #expect(try await P.page(app, .get, "/console/ops", cookie: agent).status == .forbidden)
            #expect(try await app.auditRows().contains { $0.action == "access.denied" && $0.targetType == "ops" })

            let coder = try await C.signIn(app, "cody@desk.local")
            let page = try await P.page(app, .get, "/console/ops", cookie: coder)
            #expect(page.status == .ok && page.body.contains("smtp refused") && page.body.contains("retry-990001"))
            #expect(page.body.contains("w-test") && page.body.contains("4242"))
            let csrf = try #require(page.csrf)

            #expect(try await P.page(app, .post, "/console/ops/jobs/990001/retry", cookie: coder, form: ["csrf": "x"]).status == .forbidden)
            #expect(try await P.page(app, .post, "/console/ops/jobs/990001/retry", cookie: agent, form: ["csrf": "x"]).status == .forbidden)
            let retried = try await P.page(app, .post, "/console/ops/jobs/990001/retry", cookie: coder, form: ["csrf": csrf])
            #expect(retried.status == .seeOther && retried.location == "/console/ops?retried=1")
            #expect(try await app.int("SELECT count(*) FROM job WHERE id = 990001 AND state = 0 AND attempt = 0") == 1)
            #expect(try await app.int("SELECT count(*) FROM job_dead") == 0)
            #expect(try await app.auditRows().contains { $0.action == "job.retry" && $0.targetID == 990001 && $0.role == "coder" })

            let twice = try await P.page(app, .post, "/console/ops/jobs/990001/retry", cookie: coder, form: ["csrf": csrf])
            #expect(twice.location == "/console/ops?retried=0", "a job that is no longer dead is refused, not lost")
            let after = try await P.page(app, .get, "/console/ops", cookie: coder)
            #expect(after.body.contains("mail") && !after.body.contains("retry-990001"))
        }
    }
}
