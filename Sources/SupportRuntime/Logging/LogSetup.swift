import Foundation
import Logging

/// Bootstraps swift-log once per process: text for people, JSON for log collectors.
public enum LogSetup {
    public enum Format: String, Sendable, CaseIterable { case text, json }

    /// - Parameters:
    ///   - process: a name every line carries, e.g. `worker-routing-1`, so merged logs stay readable.
    public static func bootstrap(format: Format, level: Logger.Level, process: String) {
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler
            switch format {
            case .text:
                handler = TextLogHandler(label: label)
            case .json:
                handler = JSONLogHandler(label: label)
            }
            handler.logLevel = level
            handler[metadataKey: "process"] = .string(process)
            return handler
        }
    }
}
