import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// Where the database is and how to reach it.
///
/// Resolved from, in order: an explicit URL (the `--database-url` flag), `DATABASE_URL`, the
/// `POSTGRES_*` variables, and finally the embedded default, the throwaway local cluster that
/// `Deploy/local/pg.sh` runs.
///
/// ```swift
/// let settings = try DatabaseSettings.resolve(flagURL: nil, environment: ProcessInfo.processInfo.environment)
/// try await settings.withClient(logger: logger) { client in … }
/// ```
public struct DatabaseSettings: Sendable, Equatable {
    public enum TLSMode: String, Sendable { case disable, prefer, require }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    /// Connections the pool may open; a worker needs a few, the API more.
    public var maxConnections: Int = 20

    public static let localDefaultURL = "postgres://support:support@127.0.0.1:54329/support"

    public init(host: String, port: Int = 5432, username: String, password: String?, database: String, tls: TLSMode = .disable) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// Resolves the settings; throws ``ConfigurationError`` naming the variable at fault.
    public static func resolve(flagURL: String?, environment: [String: String]) throws -> DatabaseSettings {
        if let url = flagURL {
            return try parse(url: url, setting: "--database-url")
        }
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            return try parse(url: url, setting: "DATABASE_URL")
        }
        let keys = ["POSTGRES_HOST", "POSTGRES_HOSTNAME", "POSTGRES_PORT", "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"]
        if keys.contains(where: { environment[$0] != nil }) {
            return try fromPostgresVariables(environment)
        }
        return try parse(url: localDefaultURL, setting: "DATABASE_URL")
    }

    /// Parses `postgres://user:password@host:port/database?sslmode=disable|prefer|require`.
    public static func parse(url: String, setting: String) throws -> DatabaseSettings {
        guard let components = URLComponents(string: url) else {
            throw ConfigurationError(setting: setting, problem: "not a URL; expected postgres://user:password@host:port/database")
        }
        guard let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme.lowercased()) else {
            throw ConfigurationError(setting: setting, problem: "scheme must be postgres:// or postgresql://")
        }
        guard let host = components.host, !host.isEmpty else {
            throw ConfigurationError(setting: setting, problem: "missing host")
        }
        guard let user = components.user?.removingPercentEncoding, !user.isEmpty else {
            throw ConfigurationError(setting: setting, problem: "missing user name")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw ConfigurationError(setting: setting, problem: "missing database name in the path")
        }
        var settings = DatabaseSettings(
            host: host,
            port: components.port ?? 5432,
            username: user,
            password: components.password?.removingPercentEncoding,
            database: database.removingPercentEncoding ?? database,
            tls: isLoopback(host) ? .disable : .prefer
        )
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                switch item.value ?? "" {
                case "disable", "allow": settings.tls = .disable
                case "prefer": settings.tls = .prefer
                case "require", "verify-ca", "verify-full": settings.tls = .require
                default:
                    throw ConfigurationError(setting: setting, problem: "sslmode must be disable, prefer or require")
                }
            case "pool_max":
                guard let n = Int(item.value ?? ""), n > 0 else {
                    throw ConfigurationError(setting: setting, problem: "pool_max must be a positive integer")
                }
                settings.maxConnections = n
            default:
                throw ConfigurationError(setting: setting, problem: "unknown parameter \(item.name)")
            }
        }
        return settings
    }

    private static func fromPostgresVariables(_ env: [String: String]) throws -> DatabaseSettings {
        let host = env["POSTGRES_HOST"] ?? env["POSTGRES_HOSTNAME"] ?? "127.0.0.1"
        var port = 5432
        if let raw = env["POSTGRES_PORT"] {
            guard let p = Int(raw), (1...65535).contains(p) else {
                throw ConfigurationError(setting: "POSTGRES_PORT", problem: "must be a port number, got \"\(raw)\"")
            }
            port = p
        }
        guard let user = env["POSTGRES_USER"], !user.isEmpty else {
            throw ConfigurationError(setting: "POSTGRES_USER", problem: "required when POSTGRES_* variables are used")
        }
        guard let database = env["POSTGRES_DB"], !database.isEmpty else {
            throw ConfigurationError(setting: "POSTGRES_DB", problem: "required when POSTGRES_* variables are used")
        }
        return DatabaseSettings(
            host: host, port: port, username: user, password: env["POSTGRES_PASSWORD"], database: database,
            tls: isLoopback(host) ? .disable : .prefer
        )
    }

    private static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
    }

    /// The URL form, password included (for child processes' environment, never for logs).
    public var url: String {
        var c = URLComponents()
        c.scheme = "postgres"
        c.user = username
        c.password = password
        c.host = host
        c.port = port
        c.path = "/" + database
        c.queryItems = [URLQueryItem(name: "sslmode", value: tls.rawValue)]
        return c.string ?? DatabaseSettings.localDefaultURL
    }

    /// The URL without the password, for logs and messages.
    public var redactedURL: String { "postgres://\(username)@\(host):\(port)/\(database)" }

    public func with(database: String) -> DatabaseSettings {
        var copy = self
        copy.database = database
        return copy
    }

    public var clientConfiguration: PostgresClient.Configuration {
        var config = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: clientTLS
        )
        config.options.maximumConnections = maxConnections
        // With no minimum, a pool whose connections all die at once (a PostgreSQL restart) opens new ones only
        // for lease requests made after that; the ones already waiting were stranded for good, and with them
        // every handler of the process (Docs/QUEUE.md). A minimum makes the pool reconnect by itself.
        config.options.minimumConnections = min(2, maxConnections)
        config.options.connectTimeout = .seconds(5)
        return config
    }

    public var connectionConfiguration: PostgresConnection.Configuration {
        PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: connectionTLS
        )
    }

    private var clientTLS: PostgresClient.Configuration.TLS {
        switch tls {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    private var connectionTLS: PostgresConnection.Configuration.TLS {
        switch tls {
        case .disable: .disable
        case .prefer: .prefer(try! .init(configuration: .makeClientConfiguration()))
        case .require: .require(try! .init(configuration: .makeClientConfiguration()))
        }
    }
}
