public import Logging
public import PostgresNIO
import Synchronization

/// A worker process's copy of the ``DeskSettings``, read again whenever the database's version has moved.
///
/// Every routing and SLA job needs the teams, calendars, shifts and policies: five statements and the
/// decoding of every shift, for tables that change a few times a day. Checking the version is one small
/// statement, in the job's own transaction, so a committed change is seen by the next job as before; routing
/// reads it with its ticket row (``settings(at:on:logger:)``).
public final class DeskSettingsCache: Sendable {
    private let current = Mutex<DeskSettings?>(nil)

    public init() {}

    public func settings(on connection: PostgresConnection, logger: Logger) async throws -> DeskSettings {
        try await settings(at: try await DeskSettings.version(on: connection, logger: logger), on: connection, logger: logger)
    }

    /// The settings at `version`, which the caller read in this transaction (with another statement of its
    /// own, saving the version's round trip) before anything it decides with them.
    public func settings(at version: DeskSettings.Version, on connection: PostgresConnection, logger: Logger) async throws
        -> DeskSettings
    {
        if let kept = current.withLock({ $0 }), kept.version == version { return kept }
        let loaded = try await DeskSettings.load(at: version, on: connection, logger: logger)
        current.withLock { kept in
            // Jobs that missed together each load; an older version must not replace a newer one.
            if let kept, kept.version.instance == version.instance, kept.version.number > version.number { return }
            kept = loaded
        }
        return loaded
    }
}
