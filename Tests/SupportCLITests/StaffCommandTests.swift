import Foundation
import PostgresNIO
import SupportStore
import SupportTesting
import Testing

/// `support staff create`: bootstraps the first owner, then leaves owners to the API.
struct StaffCommandTests {
    func count(_ db: TestDatabase, _ query: PostgresQuery) async throws -> Int {
        try await db.settings.withClient(logger: db.logger) { client in
            try await client.query(query, logger: db.logger).collect().first?.decode(Int.self) ?? -1
        }
    }

    @Test func bootstrapsTheFirstOwnerOnceAndAuditsIt() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            let env = ["DATABASE_URL": db.settings.url, "SUPPORT_STAFF_PASSWORD": "first owner password"]
            let create = ["staff", "create", "--owner", "--name", "Anna", "--email", "Anna@Example.com", "--bcrypt-cost", "4"]
            let first = try await CommandResult.run(BuiltProducts.support, create, environment: env, timeout: .seconds(60))
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("anna@example.com (owner)"))
            #expect(!first.stdout.contains("first owner password"))
            #expect(try await count(db, "SELECT count(*)::int FROM staff WHERE email = 'anna@example.com' AND 'owner' = ANY(roles) AND password_hash LIKE '$2%'") == 1)
            #expect(try await count(db, "SELECT count(*)::int FROM audit_log WHERE action = 'staff.create' AND actor_role = 'system' AND actor_staff_id IS NULL") == 1)

            // A second owner needs --force; other roles do not.
            let second = ["staff", "create", "--owner", "--name", "Boris", "--email", "boris@example.com", "--bcrypt-cost", "4"]
            let refused = try await CommandResult.run(BuiltProducts.support, second, environment: env, timeout: .seconds(60))
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("POST /api/v1/staff"), "\(refused.stderr)")
            let forced = try await CommandResult.run(BuiltProducts.support, second + ["--force"], environment: env, timeout: .seconds(60))
            #expect(forced.status == 0, "\(forced.stderr)")
            let agent = ["staff", "create", "--role", "agent", "--name", "Vera", "--email", "vera@example.com", "--bcrypt-cost", "4"]
            #expect(try await CommandResult.run(BuiltProducts.support, agent, environment: env, timeout: .seconds(60)).status == 0)
            // The same email twice is one clear line.
            let again = try await CommandResult.run(BuiltProducts.support, agent, environment: env, timeout: .seconds(60))
            #expect(again.status != 0 && again.stderr.contains("already exists"), "\(again.stderr)")
        }
    }

    @Test func generatesAndPrintsAPasswordWhenNoneIsGiven() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            let result = try await CommandResult.run(
                BuiltProducts.support, ["staff", "create", "--owner", "--name", "Anna", "--email", "anna@example.com", "--bcrypt-cost", "4"],
                environment: ["DATABASE_URL": db.settings.url], timeout: .seconds(60))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("password (shown once): "))
        }
    }

    @Test(arguments: [
        (["--name", "A", "--email", "a@b.cd"], "--owner or at least one --role"),
        (["--role", "requester", "--name", "A", "--email", "a@b.cd"], "--role: one of"),
        (["--owner", "--name", "A", "--email", "nope"], "--email: not an email address"),
    ])
    func badArgumentsNameTheOption(arguments: [String], message: String) async throws {
        let result = try await CommandResult.run(BuiltProducts.support, ["staff", "create"] + arguments, timeout: .seconds(90))
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}

/// `support audit verify` recomputes the hash chain and names the first broken row.
struct AuditVerifyCommandTests {
    @Test func reportsAnIntactChainAndThenTheTamperedRow() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            let env = ["DATABASE_URL": db.settings.url, "SUPPORT_STAFF_PASSWORD": "first owner password"]
            for (n, flag) in ["--owner", "--role"].enumerated() {
                var arguments = ["staff", "create", flag]
                if flag == "--role" { arguments.append("agent") }
                arguments += ["--name", "S\(n)", "--email", "s\(n)@example.com", "--bcrypt-cost", "4"]
                let created = try await CommandResult.run(BuiltProducts.support, arguments, environment: env, timeout: .seconds(60))
                #expect(created.status == 0, "\(created.stderr)")
            }
            let intact = try await CommandResult.run(BuiltProducts.support, ["audit", "verify"], environment: env, timeout: .seconds(60))
            #expect(intact.status == 0 && intact.stdout.contains("intact: 2 rows"), "\(intact.stdout)\(intact.stderr)")
            // A superuser who switches the append-only trigger off can change a row, but not unnoticed.
            try await db.settings.withClient(logger: db.logger) { client in
                let id = try await client.query("SELECT min(id) FROM audit_log", logger: db.logger).collect().first!.decode(Int64.self)
                _ = try await client.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only", logger: db.logger)
                _ = try await client.query("UPDATE audit_log SET reason = 'nothing happened' WHERE id = \(id)", logger: db.logger)
            }
            let broken = try await CommandResult.run(BuiltProducts.support, ["audit", "verify"], environment: env, timeout: .seconds(60))
            #expect(broken.status == 1)
            #expect(broken.stdout.contains("broken at row 1 of 2"), "\(broken.stdout)\(broken.stderr)")
        }
    }
}
