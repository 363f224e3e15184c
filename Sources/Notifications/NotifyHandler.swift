import AsyncHTTPClient
import JobQueue
import Logging
import PostgresNIO
import SupportSchema

/// The escalation worker's `notify` job: deliver one notification row on its channel.
///
/// The row's idempotency key is unique and the row is only sent while not `sent`, so a job run twice
/// sends once. No transaction is open while a provider is called: the row is read, the message sent,
/// the outcome recorded. Transient failures throw, so the queue retries with backoff; on the last
/// attempt, and for failures no retry can fix, the row is marked `undeliverable` with the reason.
public struct NotifyHandler: Sendable {
    public let client: PostgresClient
    public let http: HTTPClient
    public let configuration: NotificationsConfiguration

    public init(client: PostgresClient, http: HTTPClient = .shared, configuration: NotificationsConfiguration) {
        self.client = client
        self.http = http
        self.configuration = configuration
    }

    public func register(in registry: inout JobHandlerRegistry) {
        registry.register(NotifyJob.self) { context, job in
            try await deliver(job.notificationID, attempt: context.attempt, maxAttempts: context.maxAttempts, logger: context.logger)
        }
    }

    /// How long one delivery may call the provider before another may try: the provider timeout plus a
    /// margin, so only a delivery whose process died is ever repeated, and that one soon.
    var sendLease: Duration { configuration.timeout + .seconds(5) }

    /// Delivers one notification; `attempt == maxAttempts` turns a transient failure into `undeliverable`.
    public func deliver(_ id: NotificationID, attempt: Int = 1, maxAttempts: Int = 20, logger: Logger) async throws {
        var tagged = logger
        tagged[metadataKey: "notification_id"] = "\(id)"
        let logger = tagged
        guard var row = try await client.guardedConnection({ try await NotificationRow.load(id, on: $0, logger: logger) }) else {
            logger.warning("notification to deliver not found")
            return
        }
        guard row.status == .pending || row.status == .failed else { return }
        var digested: [Int64] = []
        if row.template == "digest" {
            let digest = row
            guard let composed = try await client.guardedConnection({ try await DigestComposer.compose(digest, on: $0, logger: logger) }) else {
                try await client.guardedConnection { try await NotificationRow.markEmptyDigest(id, on: $0, logger: logger) }
                return
            }
            row.payload["text"] = composed.text
            digested = composed.ids
        }
        let limit = configuration.rateLimit
        let loaded = row
        if let wait = try await client.guardedConnection({ try await RecentSends.delay(for: loaded, limit: limit, on: $0, logger: logger) }) {
            throw JobSnooze(for: .milliseconds(Int64((wait * 1000).rounded(.up))), reason: "\(row.channel.rawValue) rate limit")
        }
        switch try await client.guardedConnection({ try await NotificationRow.takeLease(id, for: sendLease, on: $0, logger: logger) }) {
        case .taken: break
        case .finished: return
        case .held(let seconds):
            // Another delivery is calling the provider: come back when its lease would have run out.
            throw JobSnooze(for: .milliseconds(Int64((seconds * 1000).rounded(.up))), reason: "another delivery of this notification is in flight")
        }
        var outcome: DeliveryOutcome
        switch row.channel {
        case .inApp: outcome = .sent(providerID: nil)
        case .telegram: outcome = await TelegramSender(http: http, configuration: configuration).send(row)
        case .webhook: outcome = await WebhookSender(http: http, configuration: configuration).send(row)
        case .email: outcome = await MailSender(configuration: configuration).send(row)
        }
        if case .retry(let error) = outcome, attempt >= maxAttempts { outcome = .undeliverable("gave up after \(attempt) attempts: \(error)") }
        let recorded = outcome
        try await client.guardedConnection { try await NotificationRow.record(id, recorded, on: $0, logger: logger) }
        switch outcome {
        case .sent:
            if !digested.isEmpty {
                let ids = digested
                try await client.guardedConnection { try await DigestComposer.markDigested(ids, on: $0, logger: logger) }
            }
            logger.info("notification sent", metadata: ["channel": "\(row.channel.rawValue)", "template": "\(row.template)"])
        case .undeliverable(let error):
            logger.warning("notification undeliverable", metadata: ["channel": "\(row.channel.rawValue)", "error": "\(error)"])
        case .retry(let error):
            throw DeliveryError(message: error)
        case .later(let seconds, let reason):
            throw JobSnooze(for: .milliseconds(Int64((seconds * 1000).rounded(.up))), reason: reason)
        }
    }
}
