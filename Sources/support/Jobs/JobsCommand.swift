import ArgumentParser
import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportStore

/// `support jobs …`: inspect and repair the job queue.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Inspect the job queue: list, show, retry dead jobs, cancel waiting jobs, stats.",
        subcommands: [List.self, Show.self, Retry.self, Cancel.self, Stats.self],
        defaultSubcommand: Stats.self
    )

    /// Runs `body` with a JobAdmin on the configured database.
    static func withAdmin<T: Sendable>(
        _ database: DatabaseOptions, _ logging: LoggingOptions, _ body: @Sendable (JobAdmin) async throws -> T
    ) async throws -> T {
        let settings = try database.settings()
        let logger = logging.makeLogger(label: "support.jobs")
        return try await settings.withClient(logger: logger) { client in
            try await settings.checkReachable(client: client, logger: logger)
            do {
                return try await body(JobAdmin(client: client, logger: logger))
            } catch let error as JobQueueError {
                throw ValidationError(error.message)
            } catch let error as PSQLError {
                throw ValidationError("database error: \(DatabaseSettings.describe(error))")
            }
        }
    }

    static func parseID(_ raw: String, argument: String = "<id>") throws -> JobID {
        guard let id = JobID(raw) else {
            throw ValidationError("\(argument) must be a positive integer job id, got \"\(raw)\"")
        }
        return id
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List jobs by queue and state (dead includes cancelled).")

        @Option(help: "Only this queue.") var queue: String?
        @Option(help: "ready, running, scheduled or dead. Default: every live state.") var state: String?
        @Option(help: "At most this many rows.") var limit: Int = 50
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            if let state, JobState(rawValue: state) == nil {
                throw ValidationError("--state must be one of ready, running, scheduled, dead; got \"\(state)\"")
            }
            guard limit > 0 else { throw ValidationError("--limit must be positive, got \(limit)") }
        }

        func run() async throws {
            let state = self.state.flatMap(JobState.init(rawValue:))
            let (queue, limit) = (self.queue, self.limit)
            let jobs = try await JobsCommand.withAdmin(database, logging) { admin in
                try await admin.list(queue: queue, state: state, limit: limit)
            }
            if jobs.isEmpty {
                print("no jobs")
                return
            }
            var rows = [["ID", "QUEUE", "KIND", "STATE", "PRI", "ATTEMPT", "RUN AT", "LAST ERROR"]]
            for job in jobs {
                let stateText = job.deadReason.map { "dead(\($0))" } ?? job.state.rawValue
                rows.append([
                    job.id.description, job.queue, job.kind, stateText, String(job.priority),
                    "\(job.attempt)/\(job.maxAttempts)", TableFormat.time(job.runAt),
                    String((job.lastError ?? "").replacingOccurrences(of: "\n", with: " ").prefix(60)),
                ])
            }
            print(TableFormat.render(rows))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one job, live or dead, with its error history.")

        @Argument(help: "The job id.") var id: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws { _ = try JobsCommand.parseID(id) }

        func run() async throws {
            let id = try JobsCommand.parseID(id)
            guard let job = try await JobsCommand.withAdmin(database, logging, { try await $0.show(id) }) else {
                throw ValidationError("<id>: no job with id \(id)")
            }
            var lines: [(String, String)] = [
                ("id", job.id.description), ("queue", job.queue), ("kind", job.kind),
                ("state", job.deadReason.map { "dead (\($0))" } ?? job.state.rawValue),
                ("priority", String(job.priority)), ("attempt", "\(job.attempt) of \(job.maxAttempts)"),
                ("run at", TableFormat.time(job.runAt)), ("created", TableFormat.time(job.createdAt)),
            ]
            if let key = job.uniqueKey { lines.append(("unique key", key)) }
            if let owner = job.owner { lines.append(("owner", owner)) }
            if let claimed = job.claimedAt { lines.append(("claimed at", TableFormat.time(claimed))) }
            if let died = job.diedAt { lines.append(("died at", TableFormat.time(died))) }
            if let error = job.lastError { lines.append(("last error", error)) }
            lines.append(("payload", job.payloadText))
            lines.append(("errors", job.errorsJSON))
            let width = lines.map(\.0.count).max() ?? 0
            for (key, value) in lines {
                print(key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
            }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a dead or cancelled job back to ready (attempts reset).")

        @Argument(help: "The dead job's id.") var id: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws { _ = try JobsCommand.parseID(id) }

        func run() async throws {
            let id = try JobsCommand.parseID(id)
            try await JobsCommand.withAdmin(database, logging) { try await $0.retry(id) }
            print("job \(id) is ready again")
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel a ready or scheduled job (it moves to the dead jobs, reason cancelled)."
        )

        @Argument(help: "The job id.") var id: String
        @Option(help: "Recorded in the job's error history.") var reason: String = "cancelled by an operator"
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws { _ = try JobsCommand.parseID(id) }

        func run() async throws {
            let id = try JobsCommand.parseID(id)
            let reason = self.reason
            try await JobsCommand.withAdmin(database, logging) { try await $0.cancel(id, reason: reason) }
            print("job \(id) cancelled")
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Counts per queue and the age of the oldest ready job.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func run() async throws {
            let stats = try await JobsCommand.withAdmin(database, logging) { try await $0.stats() }
            if stats.isEmpty {
                print("no jobs")
                return
            }
            var rows = [["QUEUE", "READY", "RUNNING", "SCHEDULED", "DEAD", "OLDEST READY"]]
            for s in stats {
                rows.append([s.queue, String(s.ready), String(s.running), String(s.scheduled), String(s.dead),
                             s.ready > 0 ? String(format: "%.1f s", s.oldestReadyAge) : "-"])
            }
            print(TableFormat.render(rows))
        }
    }
}

/// Plain aligned text tables for terminal output.
enum TableFormat {
    static func render(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        var widths = Array(repeating: 0, count: first.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func time(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
