import Hummingbird
import Logging

/// The small HTTP server a worker process runs for `/health` and `/metrics`.
public enum OpsServer {
    public static func build(
        health: HealthCheck, host: String, port: Int, logger: Logger,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        MetricsSetup.bootstrap()
        let router = Router()
        OpsRoutes.add(to: router, health: health, registry: MetricsSetup.registry)
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: health.process),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }
}
