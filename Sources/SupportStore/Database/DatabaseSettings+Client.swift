import Logging
import PostgresNIO

extension DatabaseSettings {
    /// Runs `body` with a running ``PostgresClient`` and shuts the client down afterwards.
    ///
    /// For one-shot commands and tests; long-running processes put the client in their ServiceGroup.
    public func withClient<T: Sendable>(
        logger: Logger,
        _ body: @Sendable (PostgresClient) async throws -> T
    ) async throws -> T {
        // The pool may warn that a lease came before run() started; that race is harmless here, and
        // failures reach the caller through the query itself, so only errors are logged in the background.
        var background = logger
        background.logLevel = max(logger.logLevel, .error)
        let client = PostgresClient(configuration: clientConfiguration, backgroundLogger: background)
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    /// Checks that the server answers, with a one-line error naming the address if it does not.
    public func checkReachable(client: PostgresClient, logger: Logger) async throws {
        do {
            try await client.query("SELECT 1", logger: logger)
        } catch {
            throw ConfigurationError(setting: "DATABASE_URL", problem: "cannot reach \(redactedURL): \(Self.describe(error))")
        }
    }

    /// A short, secret-free description of a postgres-nio error.
    public static func describe(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return message }
            if let underlying = psql.underlying { return describeConnectionFailure("\(underlying)") }
            return "\(psql.code)"
        }
        return describeConnectionFailure("\(error)")
    }

    /// NIO's connection errors are long nested dumps; people need the cause.
    private static func describeConnectionFailure(_ text: String) -> String {
        let causes = [
            ("Connection refused", "connection refused"), ("No route to host", "no route to host"),
            ("Network is unreachable", "network unreachable"), ("resolve", "host name not found"),
            ("timed out", "connection timed out"),
        ]
        return causes.first { text.contains($0.0) }?.1 ?? text
    }
}
