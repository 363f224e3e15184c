import Hummingbird
import Logging
import PostgresNIO
import SupportRuntime
import SupportStore

/// Builds the HTTP API process's application.
///
/// ```swift
/// let app = APIApplication.build(client: client, configuration: .init(host: "127.0.0.1", port: 8080), logger: logger)
/// ```
public enum APIApplication {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        public var processName: String

        public init(host: String, port: Int, processName: String = "api") {
            self.host = host
            self.port = port
            self.processName = processName
        }
    }

    public static func build(
        client: PostgresClient, configuration: Configuration, logger: Logger,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: buildRouter(client: client, processName: configuration.processName),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "support-api"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
    }

    public static func buildRouter(client: PostgresClient, processName: String = "api") -> Router<BasicRequestContext> {
        MetricsSetup.bootstrap()
        let router = Router()
        router.add(middleware: MetricsMiddleware())
        let health = HealthCheck(process: processName, client: client, migrator: SchemaCatalog.migrator)
        OpsRoutes.add(to: router, health: health, registry: MetricsSetup.registry)
        return router
    }
}
