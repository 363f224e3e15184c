import ArgumentParser
import Foundation
import SupportRuntime

@main
struct SupportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "support",
        abstract: "A multi-process support platform: API, intake, routing, escalation and arbitration workers over one PostgreSQL.",
        discussion: """
            Start here:
              support up                     run everything locally with demo data (Ctrl-C stops)
              support migrate                apply database migrations
              support api                    run the HTTP API
              support worker routing         run one worker process (intake, routing, escalation, arbitration)
              support jobs stats             look at the job queue

            Every process reads the database from --database-url, $DATABASE_URL or the POSTGRES_* variables, \
            and defaults to the local cluster that `support up` starts. Run `support help SUBCOMMAND` for details.
            """,
        subcommands: [
            UpCommand.self, MigrateCommand.self, SeedCommand.self, APICommand.self, WorkerCommand.self,
            MailgateCommand.self, JobsCommand.self, ReportsCommand.self, BenchCommand.self, ChaosCommand.self, StaffCommand.self, AuditCommand.self,
        ]
    )

    /// Picks the executor before anything runs (``ProcessExecutor``), then parses and runs the command.
    static func main() async {
        do {
            try ProcessExecutor(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment).install()
        } catch {
            Self.exit(withError: error)
        }
        await Self.main(nil)
    }
}
