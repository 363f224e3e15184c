// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "support-platform",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "support", targets: ["support"]),
        .library(name: "JobQueue", targets: ["JobQueue"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // SHA-256 of bearer tokens; already in the graph through postgres-nio and hummingbird-auth.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.9.0"..<"6.0.0"),
    ],
    targets: [
        // Shared schema: IDs, enums, job payloads, SQL migrations. No I/O.
        .target(name: "SupportSchema", swiftSettings: swiftSettings),
        // Pure domain rules over the schema types.
        .target(name: "SupportDomain", dependencies: ["SupportSchema"], swiftSettings: swiftSettings),
        // Versioned SQL migrations applied under an advisory lock; knows nothing of support types.
        .target(
            name: "PostgresMigrations",
            dependencies: [
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The PostgreSQL job queue library; knows nothing of support types.
        .target(
            name: "JobQueue",
            dependencies: [
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // RFC 5322 / MIME parsing for the email channel (no MIME library exists in our stack). Pure.
        .target(name: "MailMessage", swiftSettings: swiftSettings),
        // Telegram Bot API types: webhook updates in, sendMessage requests out. Pure.
        .target(name: "TelegramBotAPI", swiftSettings: swiftSettings),
        // Repositories over PostgresNIO, database settings, migration catalogue.
        .target(
            name: "SupportStore",
            dependencies: [
                "SupportSchema", "SupportDomain", "PostgresMigrations", "JobQueue",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Optional answer drafts from knowledge-base articles through an OpenAI-compatible endpoint.
        .target(
            name: "AnswerDrafts",
            dependencies: [
                "SupportSchema", "SupportDomain", "SupportStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The intake worker's handlers: inbound item -> requester -> ticket/message -> ack -> routing.
        .target(
            name: "Intake",
            dependencies: [
                "SupportSchema", "SupportDomain", "SupportStore", "JobQueue", "MailMessage", "TelegramBotAPI", "AnswerDrafts",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The routing worker's handlers: classify, detect incidents, choose line, team and assignee.
        .target(
            name: "Routing",
            dependencies: [
                "SupportSchema", "SupportDomain", "SupportStore", "JobQueue",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The escalation worker's `sla` jobs: SLA alarms and the escalation ladder.
        .target(
            name: "Escalation",
            dependencies: [
                "SupportSchema", "SupportDomain", "SupportStore", "JobQueue",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The arbitration worker's `dispute` jobs: deadlines, arbiter draws, payouts to the guarantor bot.
        .target(
            name: "Arbitration",
            dependencies: [
                "SupportSchema", "SupportDomain", "SupportStore", "JobQueue",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Delivery of `notify` jobs: Telegram sendMessage, SMTP, webhooks, in-app.
        .target(
            name: "Notifications",
            dependencies: [
                "SupportSchema", "SupportDomain", "SupportStore", "JobQueue", "TelegramBotAPI", "MailMessage",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // What every process shares: health, metrics endpoint, worker wiring, supervisor.
        .target(
            name: "SupportRuntime",
            dependencies: [
                "SupportSchema", "SupportDomain", "SupportStore", "JobQueue", "PostgresMigrations", "Intake", "Routing",
                "Escalation", "Notifications", "Arbitration",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // HTTP API (Hummingbird).
        .target(
            name: "SupportAPI",
            dependencies: [
                "SupportSchema", "SupportDomain", "SupportStore", "SupportRuntime", "JobQueue", "TelegramBotAPI", "Escalation",
                "AnswerDrafts", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("OpenAPI/openapi.json")],
            swiftSettings: swiftSettings
        ),
        // The `support` executable: argument parsing and wiring only.
        .executableTarget(
            name: "support",
            dependencies: [
                "SupportSchema", "SupportDomain", "SupportStore", "SupportRuntime", "SupportAPI", "JobQueue",
                "PostgresMigrations", "Notifications", "Arbitration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Test helpers: database per test, locating the built `support` binary.
        .target(
            name: "SupportTesting",
            dependencies: [
                "PostgresMigrations", "SupportStore", "JobQueue",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Tests/SupportTesting",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IntakeTests",
            dependencies: ["Intake", "SupportStore", "SupportSchema", "SupportDomain", "SupportTesting", "JobQueue", "TelegramBotAPI", "MailMessage",
                           "AnswerDrafts",
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RoutingTests",
            dependencies: ["Routing", "Intake", "SupportStore", "SupportSchema", "SupportDomain", "SupportTesting", "JobQueue",
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EscalationTests",
            dependencies: ["Escalation", "Routing", "SupportStore", "SupportSchema", "SupportDomain", "SupportTesting", "JobQueue",
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "NotificationsTests",
            dependencies: ["Notifications", "SupportStore", "SupportSchema", "SupportDomain", "SupportTesting", "JobQueue", "MailMessage", "TelegramBotAPI",
                           .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ArbitrationTests",
            dependencies: ["Arbitration", "SupportStore", "SupportSchema", "SupportDomain", "SupportTesting", "JobQueue",
                           .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "MailMessageTests", dependencies: ["MailMessage"], swiftSettings: swiftSettings),
        .testTarget(name: "TelegramBotAPITests", dependencies: ["TelegramBotAPI"], swiftSettings: swiftSettings),
        .testTarget(name: "SupportSchemaTests", dependencies: ["SupportSchema"], swiftSettings: swiftSettings),
        .testTarget(name: "SupportDomainTests", dependencies: ["SupportDomain", "SupportSchema"], swiftSettings: swiftSettings),
        .testTarget(
            name: "JobQueueTests",
            dependencies: ["JobQueue", "SupportTesting", "PostgresMigrations",
                           .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SupportStoreTests",
            dependencies: ["SupportStore", "SupportTesting", "PostgresMigrations", "JobQueue", "SupportDomain", "SupportSchema",
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SupportAPITests",
            dependencies: ["SupportAPI", "SupportRuntime", "Intake", "Routing", "JobQueue", "SupportTesting", "SupportStore", "SupportSchema",
                           "SupportDomain", "AnswerDrafts",
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                           .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "HTTPTypes", package: "swift-http-types")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SupportCLITests",
            dependencies: ["SupportTesting", "SupportRuntime", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: swiftSettings
        ),
    ]
)
