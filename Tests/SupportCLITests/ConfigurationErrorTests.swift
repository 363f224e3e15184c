import Foundation
import SupportTesting
import Testing

/// Bad configuration ends a process with one clear line and a non-zero exit, never a stack trace.
struct ConfigurationErrorTests {
    let dbVariables = ["DATABASE_URL", "POSTGRES_HOST", "POSTGRES_HOSTNAME", "POSTGRES_PORT", "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"]

    func run(_ arguments: [String], env: [String: String] = [:]) async throws -> CommandResult {
        try await CommandResult.run(BuiltProducts.support, arguments, environment: env, removing: dbVariables, timeout: .seconds(90))
    }

    /// The one meaningful line of stderr (ArgumentParser prefixes "Error: ").
    func errorLines(_ result: CommandResult) -> [String] {
        result.stderr.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    @Test(arguments: ["migrate", "api", "worker routing", "seed", "jobs stats"])
    func malformedURLNamesTheVariable(command: String) async throws {
        let result = try await run(command.split(separator: " ").map(String.init), env: ["DATABASE_URL": "mysql://root@localhost/db"])
        #expect(result.status != 0)
        let lines = errorLines(result)
        #expect(lines.count == 1, "expected one line, got: \(result.stderr)")
        #expect(lines.first?.contains("DATABASE_URL") == true)
        #expect(lines.first?.contains("scheme") == true)
    }

    @Test func badFlagNamesTheFlag() async throws {
        let result = try await run(["migrate", "--database-url", "postgres://u@h"])
        #expect(result.status != 0)
        #expect(errorLines(result) == ["Error: --database-url: missing database name in the path"])
    }

    @Test func unreachableDatabaseIsOneLine() async throws {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        let result = try await run(["api", "--http-port", "0"], env: ["DATABASE_URL": "postgres://u:secretpw@127.0.0.1:1/db"])
        #expect(result.status != 0)
        let lines = errorLines(result)
        #expect(lines.count == 1, "expected one line, got: \(result.stderr)")
        #expect(lines.first?.contains("cannot reach postgres://u@127.0.0.1:1/db") == true)
        #expect(!result.stderr.contains("secretpw"))
    }

    @Test func wrongPasswordIsOneLine() async throws {
        let cluster = try TestDatabase.clusterSettings()
        let url = "postgres://nosuchuser:wrong@\(cluster.host):\(cluster.port)/\(cluster.database)"
        let result = try await run(["migrate"], env: ["DATABASE_URL": url])
        #expect(result.status != 0)
        #expect(errorLines(result).count == 1, "got: \(result.stderr)")
        #expect(result.stderr.contains("nosuchuser"))
    }

    @Test func badPortVariableNamesIt() async throws {
        let result = try await run(["migrate"], env: ["POSTGRES_PORT": "fivefourthreetwo", "POSTGRES_USER": "u", "POSTGRES_DB": "d"])
        #expect(result.status != 0)
        #expect(errorLines(result).first?.contains("POSTGRES_PORT") == true)
    }

    @Test func badLogFormatNamesTheVariable() async throws {
        let result = try await run(["migrate"], env: ["SUPPORT_LOG_FORMAT": "xml"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("SUPPORT_LOG_FORMAT"))
    }

    @Test(arguments: ["migrate", "worker routing"])
    func badExecutorNamesTheVariable(command: String) async throws {
        let result = try await run(command.split(separator: " ").map(String.init), env: ["SUPPORT_EXECUTOR": "fast"])
        #expect(result.status != 0)
        #expect(errorLines(result) == ["Error: SUPPORT_EXECUTOR: expected nio or swift, got \"fast\""])
    }

    @Test func helpExplainsTheSubcommands() async throws {
        let result = try await run(["--help"])
        #expect(result.status == 0)
        for word in ["up", "migrate", "api", "worker", "jobs", "DATABASE_URL"] {
            #expect(result.stdout.contains(word), "help lacks \(word)")
        }
    }
}
