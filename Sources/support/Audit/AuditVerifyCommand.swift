import ArgumentParser
import PostgresNIO
import SupportRuntime
import SupportStore

/// `support audit verify`: recomputes the audit log's hash chain; exit 1 names the first broken row.
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the audit log's hash chain and report the first broken row.",
        discussion: "Exit code 0: intact. 1: a row was changed or removed (its id is printed). Rows cut off the end are not detectable by the chain: compare the row count with an earlier run."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.makeLogger(label: "audit")
        let settings = try database.settings()
        try await DatabaseProbe.check(settings, migrator: SchemaCatalog.migrator, logger: logger)
        let report = try await settings.withClient(logger: logger) { client in
            try await client.withConnection { connection in
                try await AuditLog(connection: connection, logger: logger).verifyChain()
            }
        }
        if let broken = report.firstBroken {
            print("audit log broken at row \(broken.id) of \(report.rows): \(broken.problem)")
            throw ExitCode(1)
        }
        print("audit log intact: \(report.rows) rows")
    }
}
