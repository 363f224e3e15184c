import ArgumentParser
import SupportRuntime
import SupportStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending database migrations, then exit.",
        discussion: """
            All pending migrations run in one transaction under an advisory lock, so several processes \
            may run this at once: one applies, the others wait and find nothing to do. Use --check to \
            report without changing anything (exit code 3 when migrations are pending).
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions
    @Flag(help: "Only report whether the schema is current.") var check = false

    func run() async throws {
        let logger = logging.makeLogger(label: "migrate")
        let settings = try database.settings()
        try await DatabaseProbe.check(settings, migrator: nil, logger: logger)
        let migrator = SchemaCatalog.migrator
        let check = self.check
        try await settings.withClient(logger: logger) { client in
            if check {
                let status = try await migrator.status(client: client, logger: logger)
                print(status.summary)
                if !status.isCurrent { throw ExitCode(3) }
                return
            }
            let applied = try await migrator.migrate(client: client, logger: logger)
            print(applied.isEmpty ? "schema is current; nothing to apply" : "applied \(applied.count) migration(s): \(applied.joined(separator: ", "))")
        }
    }
}
