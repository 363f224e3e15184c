import Logging

/// swift-log's text lines on stderr, with the logger's own metadata kept here and handed over per line.
///
/// `StreamLogHandler` renders all of its metadata again on every change. The workers set a job's and a
/// ticket's ids on each job, so that rendering took 2–5 % of the intake and routing workers' CPU
/// (`perf`, Docs/PERFORMANCE.md); here it happens only for the lines that are written.
public struct TextLogHandler: LogHandler {
    private var stream: StreamLogHandler
    public var metadata: Logger.Metadata = [:]

    public init(label: String) {
        stream = StreamLogHandler.standardError(label: label)
    }

    public var logLevel: Logger.Level {
        get { stream.logLevel }
        set { stream.logLevel = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var event = event
        if !metadata.isEmpty { event.metadata = metadata.merging(event.metadata ?? [:]) { $1 } }
        stream.log(event: event)
    }
}
