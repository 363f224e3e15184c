import Foundation
import HTTPTypes
import SupportSchema
import SupportStore
import Testing

/// The owner views over HTTP on real PostgreSQL: who may open them (403 otherwise),
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
            _ = try await app.int("INSERT INTO classification_rule (pattern, language, category) VALUES ('чарджбэк', 'ru', 'payment') RETURNING id")

            let agent = try await C.signIn(app, "anna@desk.local")
            #expect(try await P.page(app, .get, "/console/admin", cookie: agent).status == .forbidden)

            let owner = try await C.signIn(app, "owner@desk.local")
            let page = try await P.page(app, .get, "/console/admin", cookie: owner)
            #expect(page.status == .ok && page.body.contains("anna@desk.local") && page.body.contains("чарджбэк"))
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

}
