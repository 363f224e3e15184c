import Foundation
import HTTPTypes
import SupportDomain
import SupportSchema
import SupportStore
import Testing

struct StaffAPITests {
    static let newAgent = #"{"name": "Vera", "email": "Vera@Example.com", "roles": ["agent", "coder"], "password": "long enough password"}"#

    @Test func anOwnerCreatesStaffAndTheAuditRowHasTheAfterState() async throws {
        try await AuthFixture.with { app in
            let owner = try await app.staff("owner@example.com", roles: [.owner])
            let token = try await app.login("owner@example.com")
            let reply = try await app.call(.post, "/api/v1/staff", token: token, json: Self.newAgent)
            #expect(reply.status == .created, "\(reply.body)")
            #expect(reply.json["email"] as? String == "vera@example.com")
            #expect(reply.json["password_hash"] == nil)
            let id = try #require((reply.json["id"] as? NSNumber)?.int64Value)
            let audit = try #require(try await app.auditRows().last)
            #expect(audit.action == "staff.create" && audit.role == "owner" && audit.targetType == "staff" && audit.targetID == id)
            #expect(audit.after?.contains(#""roles": ["agent", "coder"]"#) == true, "\(audit.after ?? "")")
            let actor = try await app.int("SELECT actor_staff_id FROM audit_log WHERE action = 'staff.create'")
            #expect(actor == owner.rawValue)
            // The new account signs in with its password.
            #expect(try await app.loginReply("vera@example.com", password: "long enough password").status == .ok)
            // Twice is a conflict, and nothing more is audited.
            let again = try await app.call(.post, "/api/v1/staff", token: token, json: Self.newAgent)
            #expect(again.status == .conflict && again.errorCode == "staff_exists")
            #expect(try await app.int("SELECT count(*) FROM audit_log WHERE action = 'staff.create'") == 1)
        }
    }

    /// Every staff role but owner, and a requester, is refused with 403 and an audited denial.
    @Test(arguments: [Role.agent, .moderator, .arbiter, .coder, .requester])
    func everyoneElseIsDeniedAndAudited(role: Role) async throws {
        try await AuthFixture.with { app in
            let token: String
            if role == .requester {
                try await app.requester("ivan@example.com")
                token = try await app.login("ivan@example.com", account: "requester")
            } else {
                try await app.staff("someone@example.com", roles: [role])
                token = try await app.login("someone@example.com")
            }
            let reply = try await app.call(.post, "/api/v1/staff", token: token, json: Self.newAgent)
            #expect(reply.status == .forbidden && reply.errorCode == "role_not_allowed", "\(reply.body)")
            #expect(try await app.int("SELECT count(*) FROM staff WHERE email = 'vera@example.com'") == 0)
            let denial = try #require(try await app.auditRows().last)
            #expect(denial.action == "access.denied" && denial.role == role.rawValue && denial.targetType == "staff")
            #expect(denial.after?.contains("manage_staff") == true)
        }
    }

    @Test(arguments: [
        (#"{"email": "a@b.cd", "roles": ["agent"]}"#, "name: required"),
        (#"{"name": "A", "email": "a@b.cd", "roles": []}"#, "roles: at least one"),
        (#"{"name": "A", "email": "a@b.cd", "roles": ["requester"]}"#, "roles: each one of"),
        (#"{"name": "A", "email": "nope", "roles": ["agent"]}"#, "email: not an email address"),
        (#"{"name": "A", "email": "a@b.cd", "roles": ["agent"], "password": "short"}"#, "password: at least 10"),
        (#"{"name": "   ", "email": "a@b.cd", "roles": ["agent"]}"#, "name: 1 to 200"),
        (#"{"name": "A", "email": "a@b.cd", "roles": ["agent"], "telegram_user_id": 0}"#, "telegram_user_id:"),
        (#"{"name": "A", "email": "a@b.cd", "roles": "agent"}"#, "roles: wrong type"),
    ])
    func badInputNamesTheField(json: String, message: String) async throws {
        try await AuthFixture.with { app in
            try await app.staff("owner@example.com", roles: [.owner])
            let token = try await app.login("owner@example.com")
            let reply = try await app.call(.post, "/api/v1/staff", token: token, json: json)
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains(message), "\(reply.body)")
        }
    }

    @Test func theAuditChainLinksEveryRow() async throws {
        try await AuthFixture.with { app in
            try await app.staff("owner@example.com", roles: [.owner])
            try await app.staff("agent@example.com", roles: [.agent])
            let owner = try await app.login("owner@example.com")
            let agent = try await app.login("agent@example.com")
            _ = try await app.call(.post, "/api/v1/staff", token: owner, json: Self.newAgent)
            _ = try await app.call(.post, "/api/v1/staff", token: agent, json: Self.newAgent)
            let broken = try await app.int(
                """
                SELECT count(*) FROM (
                    SELECT hash, prev_hash, lag(hash) OVER (ORDER BY id) AS expected_prev,
                           support_audit_hash(prev_hash, at, actor_staff_id, actor_role, action, target_type, target_id,
                                              before, after, reason) AS recomputed
                    FROM audit_log) AS chain
                WHERE prev_hash IS DISTINCT FROM expected_prev OR hash <> recomputed
                """)
            #expect(broken == 0)
            #expect(try await app.int("SELECT count(*) FROM audit_log") == 4)
        }
    }

    /// Concurrent writers queue on the chain's lock instead of forking it or failing.
    @Test func concurrentDenialsKeepTheChainLinear() async throws {
        try await AuthFixture.with { app in
            try await app.staff("agent@example.com", roles: [.agent])
            let token = try await app.login("agent@example.com")
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<12 {
                    group.addTask { try await app.call(.post, "/api/v1/staff", token: token, json: Self.newAgent).status }
                }
                for try await status in group { #expect(status == .forbidden) }
            }
            #expect(try await app.int("SELECT count(*) FROM audit_log WHERE action = 'access.denied'") == 12)
            let report = try await app.client.withConnection { connection in
                try await AuditLog(connection: connection, logger: app.logger).verifyChain()
            }
            #expect(report.isIntact && report.rows == 13, "\(report)")
        }
    }
}
