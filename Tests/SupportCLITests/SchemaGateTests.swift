import Foundation
import SupportStore
import SupportTesting
import Testing

/// Every process but `migrate` refuses to run on a schema that is not current.
struct SchemaGateTests {
    @Test(arguments: ["api", "worker intake"])
    func refusesAnUnmigratedDatabase(command: String) async throws {
        try await TestDatabase.with(migrations: []) { db in
            let result = try await CommandResult.run(
                BuiltProducts.support, command.split(separator: " ").map(String.init) + ["--http-port", "0"],
                environment: ["DATABASE_URL": db.settings.url], timeout: .seconds(90)
            )
            #expect(result.status != 0)
            #expect(result.stderr.contains("is not ready"), "stderr: \(result.stderr)")
            #expect(result.stderr.contains("support migrate"))
        }
    }

    @Test func migrateThenCheckReportsCurrent() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let env = ["DATABASE_URL": db.settings.url]
            let before = try await CommandResult.run(BuiltProducts.support, ["migrate", "--check"], environment: env)
            #expect(before.status == 3)
            let migrate = try await CommandResult.run(BuiltProducts.support, ["migrate"], environment: env)
            #expect(migrate.status == 0, "\(migrate.stderr)")
            #expect(migrate.stdout.contains("applied"))
            let again = try await CommandResult.run(BuiltProducts.support, ["migrate"], environment: env)
            #expect(again.stdout.contains("nothing to apply"))
            let after = try await CommandResult.run(BuiltProducts.support, ["migrate", "--check"], environment: env)
            #expect(after.status == 0)
        }
    }
}
