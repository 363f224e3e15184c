import AnswerDrafts
import Hummingbird
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
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
        /// bcrypt cost for passwords set through the API (tests lower it; 12 ≈ 250 ms here).
        public var bcryptCost: UInt8 = 12
        public var loginThrottle = LoginThrottle()
        /// Per peer address, across logins: lenient, since offices and NATs share addresses.
        public var addressThrottle = LoginThrottle(freeFailures: 30)
        /// Per peer address on the public intake (`POST /api/v1/inbound/web`); nil: unlimited.
        public var intakeRateLimit: RateLimit? = RateLimit(burst: 20, perMinute: 30)
        public var tokenPolicy = TokenPolicy()
        /// `SUPPORT_PUBLIC_URL`: where people reach the portal, for links in mail.
        public var publicURL = "http://127.0.0.1:8080"
        /// `SUPPORT_LLM_*`: answer drafts for agents; nil (the default) answers 409 `llm_disabled`.
        public var llm: LLMConfiguration?

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
    ) -> Router<APIRequestContext> {
        MetricsSetup.bootstrap()
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: APIErrorMiddleware())
        if let limit = configuration.intakeRateLimit {
            router.add(middleware: RateLimitMiddleware(
                limiter: RateLimiter(limit: limit),
                paths: ["/api/v1/inbound/web", "/api/v1/auth/password-link", "/api/v1/csat", "/portal/requests"]))
        }
        let health = HealthCheck(process: configuration.processName, client: client, migrator: SchemaCatalog.migrator)
        OpsRoutes.add(to: router, health: health, registry: MetricsSetup.registry)
        let store = InboundStore(queue: JobQueue(client: client, logger: logger))
        TelegramWebhookController(secret: configuration.telegramWebhookSecret, limits: configuration.limits, store: store)
            .add(to: router)
        EmailInboundController(token: configuration.mailgateToken, limits: configuration.limits, store: store).add(to: router)
        WebInboundController(limits: configuration.limits, store: store).add(to: router)
        addStaffAPI(to: router, client: client, configuration: configuration, logger: logger)
        return router
    }

    /// The authenticated `/api/v1` routes: sign-in, staff, tickets, and the OpenAPI document.
    static func addStaffAPI(to router: Router<APIRequestContext>, client: PostgresClient, configuration: Configuration, logger: Logger) {
        let database = Database(client: client, logger: logger)
        let authorizer = Authorizer(database: database)
        let api = router.group("api/v1").add(middleware: BearerAuthenticator(database: database, policy: configuration.tokenPolicy))
        OpenAPIDocument.add(to: api)
        let auth = AuthController(
            database: database, authorizer: authorizer, throttle: configuration.loginThrottle,
            addressThrottle: configuration.addressThrottle, policy: configuration.tokenPolicy,
            decoyHash: PasswordHashing.hash("decoy-password-for-unknown-accounts", cost: configuration.bcryptCost)
        )
        auth.add(to: api)
        ConsolePages(
            database: database, auth: auth, authorizer: authorizer, queue: JobQueue(client: client, logger: logger),
            policy: configuration.tokenPolicy, publicURL: configuration.publicURL, secureCookies: configuration.publicURL.hasPrefix("https://")
        ).add(to: router)
        let csat = CSATController(database: database, authorizer: authorizer, queue: JobQueue(client: client, logger: logger))
        PortalPages(
            database: database, auth: auth, csat: csat,
            portal: PortalInbound(database: database, store: InboundStore(queue: JobQueue(client: client, logger: logger))),
            policy: configuration.tokenPolicy, secureCookies: configuration.publicURL.hasPrefix("https://")
        ).add(to: router)
        StaffController(database: database, authorizer: authorizer, bcryptCost: configuration.bcryptCost).add(to: api)
        PasswordLinkController(
            database: database, queue: JobQueue(client: client, logger: logger), bcryptCost: configuration.bcryptCost,
            publicURL: configuration.publicURL
        ).add(to: api)
        TicketController(database: database, authorizer: authorizer).add(to: api)
        TicketActionController(
            database: database, authorizer: authorizer, queue: JobQueue(client: client, logger: logger), publicURL: configuration.publicURL
        ).add(to: api)
        RuleController(database: database, authorizer: authorizer).add(to: api)
        KBController(database: database, authorizer: authorizer).add(to: api)
        MacroController(
            database: database, authorizer: authorizer, queue: JobQueue(client: client, logger: logger), publicURL: configuration.publicURL
        ).add(to: api)
        DraftReplyController(
            database: database, authorizer: authorizer,
            drafter: configuration.llm.map { AnswerDrafter(client: ChatCompletionsClient(http: .shared, configuration: $0)) }
        ).add(to: api)
        TicketLinkController(database: database, authorizer: authorizer, queue: JobQueue(client: client, logger: logger)).add(to: api)
        StaffAwayController(database: database, authorizer: authorizer).add(to: api)
        RequesterController(database: database, authorizer: authorizer).add(to: api)
        DealController(database: database, authorizer: authorizer, queue: JobQueue(client: client, logger: logger)).add(to: api)
        DisputeController(database: database, authorizer: authorizer, queue: JobQueue(client: client, logger: logger)).add(to: api)
        EvidenceController(database: database, authorizer: authorizer).add(to: api)
        AppealDecisionController(
            database: database, authorizer: authorizer, queue: JobQueue(client: client, logger: logger), publicURL: configuration.publicURL
        ).add(to: api)
        ReportController(database: database, authorizer: authorizer).add(to: api)
        csat.add(to: api)
        ConfidentialController(database: database, authorizer: authorizer).add(to: api)
        PortalRequestController(
            authorizer: authorizer, portal: PortalInbound(database: database, store: InboundStore(queue: JobQueue(client: client, logger: logger)))
        ).add(to: api)
        AuthenticatedInboundController(
            database: database, authorizer: authorizer, store: InboundStore(queue: JobQueue(client: client, logger: logger)),
            limits: configuration.limits
        ).add(to: api)
    }
}
