import ArgumentParser
import HummingbirdBcrypt
import SupportRuntime
import SupportStore

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Load demo data: staff in every role, teams, shifts, KB articles, requesters and deals.",
        discussion: "Idempotent: does nothing if the demo data is already there. Needs a migrated database."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.makeLogger(label: "seed")
        let settings = try database.settings()
        try await DatabaseProbe.check(settings, migrator: SchemaCatalog.migrator, logger: logger)
        let summary = try await settings.withClient(logger: logger) { client in
            try await DemoSeed.load(client: client, passwordHash: Bcrypt.hash(DemoSeed.password, cost: 10), logger: logger)
        }
        print("demo data \(summary.description)")
        for login in summary.logins { print("  \(login)") }
    }
}
