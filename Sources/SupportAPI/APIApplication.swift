import Hummingbird
import JobQueue
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
        /// `TELEGRAM_WEBHOOK_SECRET`; nil disables the Telegram webhook.
        public var telegramWebhookSecret: String?
        /// `SUPPORT_MAILGATE_TOKEN`; nil disables inbound email over HTTP.
        public var mailgateToken: String?
        public var limits = InboundLimits()

        public init(
            host: String = "127.0.0.1", port: Int = 8080, processName: String = "api",
            telegramWebhookSecret: String? = nil, mailgateToken: String? = nil
        ) {
            self.host = host
            self.port = port
            self.processName = processName
            self.telegramWebhookSecret = telegramWebhookSecret
            self.mailgateToken = mailgateToken
        }
    }

    public static func build(
        client: PostgresClient, configuration: Configuration, logger: Logger,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: buildRouter(client: client, configuration: configuration, logger: logger),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "support-api"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
    }

    public static func buildRouter(
        client: PostgresClient, configuration: Configuration = .init(), logger: Logger
    ) -> Router<BasicRequestContext> {
        MetricsSetup.bootstrap()
        let router = Router()
        router.add(middleware: MetricsMiddleware())
        let health = HealthCheck(process: configuration.processName, client: client, migrator: SchemaCatalog.migrator)
        OpsRoutes.add(to: router, health: health, registry: MetricsSetup.registry)
        let store = InboundStore(queue: JobQueue(client: client, logger: logger))
        TelegramWebhookController(secret: configuration.telegramWebhookSecret, limits: configuration.limits, store: store)
            .add(to: router)
        EmailInboundController(token: configuration.mailgateToken, limits: configuration.limits, store: store).add(to: router)
        WebInboundController(limits: configuration.limits, store: store).add(to: router)
        return router
    }
}
