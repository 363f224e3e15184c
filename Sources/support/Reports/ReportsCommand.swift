import ArgumentParser
import Foundation
import SupportRuntime
import SupportStore

/// `support reports rollup`: refresh (or rebuild) the report rollup now, instead of waiting for the
/// escalation workers' periodic job. The reports are exact meanwhile: they read what is not rolled up
/// from `ticket` (Docs/REPORTS.md, Docs/OPERATIONS.md).
struct ReportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "Report maintenance.",
        subcommands: [RollupCommand.self]
    )

    struct RollupCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rollup",
            abstract: "Refresh the report rollup now (--rebuild: forget it and build it again from the tickets).",
            discussion: """
                Safe to run next to the workers: a refresh that finds another running leaves the work to it. \
                With --rebuild the rollup is emptied first; until it is rebuilt, long reports are slower but \
                just as exact.
                """
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions
        @Flag(help: "Empty the rollup first and build every week again.") var rebuild = false

        func run() async throws {
            let logger = logging.makeLogger(label: "reports")
            let settings = try database.settings()
            let rebuild = self.rebuild
            try await settings.withClient(logger: logger) { client in
                let rollup = ReportRollup(client: client, logger: logger)
                if rebuild { try await rollup.reset() }
                let clock = ContinuousClock()
                let started = clock.now
                let weeks = try await rollup.refreshAll()
                print("report rollup: \(weeks) week(s) rolled up in \(clock.now - started)")
            }
        }
    }
}
