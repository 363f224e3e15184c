import ArgumentParser
import Foundation
import Logging
import SupportRuntime

/// `--log-level` and `--log-format`, falling back to `SUPPORT_LOG_LEVEL` and `SUPPORT_LOG_FORMAT`.
struct LoggingOptions: ParsableArguments {
    @Option(help: "trace, debug, info, notice, warning, error or critical. Default: $SUPPORT_LOG_LEVEL or info.")
    var logLevel: String?

    @Option(help: "text or json. Default: $SUPPORT_LOG_FORMAT or text.")
    var logFormat: String?

    func validate() throws {
        _ = try level()
        _ = try format()
    }

    func level() throws -> Logger.Level {
        let raw = logLevel ?? ProcessInfo.processInfo.environment["SUPPORT_LOG_LEVEL"] ?? "info"
        guard let level = Logger.Level(rawValue: raw.lowercased()) else {
            throw ValidationError("\(logLevel == nil ? "SUPPORT_LOG_LEVEL" : "--log-level"): unknown level \"\(raw)\"")
        }
        return level
    }

    func format() throws -> LogSetup.Format {
        let raw = logFormat ?? ProcessInfo.processInfo.environment["SUPPORT_LOG_FORMAT"] ?? "text"
        guard let format = LogSetup.Format(rawValue: raw.lowercased()) else {
            throw ValidationError("\(logFormat == nil ? "SUPPORT_LOG_FORMAT" : "--log-format"): expected text or json, got \"\(raw)\"")
        }
        return format
    }

    /// Bootstraps logging for this process and returns its logger.
    func makeLogger(label: String) -> Logger {
        let process = ProcessInfo.processInfo.environment["SUPPORT_PROCESS_NAME"] ?? label
        LogSetup.bootstrap(format: (try? format()) ?? .text, level: (try? level()) ?? .info, process: process)
        return Logger(label: label)
    }
}
