import AnswerDrafts
import ArgumentParser
import Foundation
import SupportAPI
import SupportRuntime

struct APICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Run the HTTP API: intake endpoints, staff API, /health and /metrics.",
        discussion: """
            Refuses to start unless the database is reachable and its schema current (run `support migrate` \
            first). Stops gracefully on SIGTERM or SIGINT. Run several behind a load balancer to scale.
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var http: HTTPOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let name = ProcessInfo.processInfo.environment["SUPPORT_PROCESS_NAME"] ?? "api"
        let logger = logging.makeLogger(label: name)
        let settings = try database.settings()
        let env = ProcessInfo.processInfo.environment
        var settingsForAPI = APIApplication.Configuration(
            host: http.resolvedHost(), port: try http.resolvedPort(default: 8080), processName: name,
            telegramWebhookSecret: env["TELEGRAM_WEBHOOK_SECRET"].flatMap { $0.isEmpty ? nil : $0 },
            mailgateToken: env["SUPPORT_MAILGATE_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        )
        if let url = env["SUPPORT_PUBLIC_URL"], !url.isEmpty { settingsForAPI.publicURL = url }
        settingsForAPI.llm = try LLMConfiguration.from(environment: env)
        let configuration = settingsForAPI
        try await ProcessHost(settings: settings, logger: logger).run { client in
            [APIApplication.build(client: client, configuration: configuration, logger: logger) { port in
                logger.info("api listening", metadata: ["url": "http://\(configuration.host):\(port)"])
            }]
        }
    }
}
