import ArgumentParser
import Foundation
import SupportStore

/// `--database-url`, falling back to `DATABASE_URL`, the `POSTGRES_*` variables, then the local cluster.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: ArgumentHelp(
            "PostgreSQL URL, e.g. postgres://user:pass@host:5432/db?sslmode=disable.",
            discussion: "Default: $DATABASE_URL, else the POSTGRES_HOST/PORT/USER/PASSWORD/DB variables, else the local cluster \(DatabaseSettings.localDefaultURL)."
        )
    )
    var databaseURL: String?

    func settings() throws -> DatabaseSettings {
        try DatabaseSettings.resolve(flagURL: databaseURL, environment: ProcessInfo.processInfo.environment)
    }

    /// True when nothing names a database, so the embedded local cluster is meant.
    var usesEmbeddedDefault: Bool {
        let env = ProcessInfo.processInfo.environment
        let keys = ["DATABASE_URL", "POSTGRES_HOST", "POSTGRES_HOSTNAME", "POSTGRES_PORT", "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"]
        return databaseURL == nil && !keys.contains { !(env[$0] ?? "").isEmpty }
    }
}
