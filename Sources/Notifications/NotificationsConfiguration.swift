public import SupportDomain
public import Foundation
import SupportStore

/// Where notifications go out. Read from the environment by ``fromEnvironment(_:)``.
public struct NotificationsConfiguration: Sendable {
    /// `TELEGRAM_BOT_TOKEN`; telegram notifications are undeliverable without it.
    public var telegramToken: String?
    /// `TELEGRAM_API_BASE_URL`, default `https://api.telegram.org` (tests point it at a local server).
    public var telegramBaseURL: URL
    /// `SMTP_HOST` / `SMTP_PORT` (default 25): the relay mail is handed to, without authentication (a local MTA
    /// or a private relay does TLS and auth onward); email is undeliverable without a host.
    public var smtpHost: String?
    public var smtpPort: Int
    /// `SMTP_FROM`, e.g. `Support <support@desk.example>`; its domain also names Message-IDs.
    public var mailFrom: String
    public var timeout: Duration
    /// Sends per recipient and per channel (Telegram's limits by default).
    public var rateLimit: DeliveryRateLimit = .standard

    public init(
        telegramToken: String? = nil, telegramBaseURL: URL = URL(string: "https://api.telegram.org")!,
        smtpHost: String? = nil, smtpPort: Int = 25, mailFrom: String = "support@localhost", timeout: Duration = .seconds(15)
    ) {
        self.telegramToken = telegramToken
        self.telegramBaseURL = telegramBaseURL
        self.smtpHost = smtpHost
        self.smtpPort = smtpPort
        self.mailFrom = mailFrom
        self.timeout = timeout
    }

    /// The bare address inside `mailFrom` (`support@desk.example`).
    var mailFromAddress: String {
        guard let open = mailFrom.lastIndex(of: "<"), let close = mailFrom.lastIndex(of: ">"), open < close else { return mailFrom }
        return String(mailFrom[mailFrom.index(after: open)..<close])
    }

    var mailDomain: String { mailFromAddress.split(separator: "@").last.map(String.init) ?? "localhost" }

    /// - Throws: ``ConfigurationError`` naming the variable that is malformed.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> NotificationsConfiguration {
        var configuration = NotificationsConfiguration()
        configuration.telegramToken = environment["TELEGRAM_BOT_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let base = environment["TELEGRAM_API_BASE_URL"], !base.isEmpty {
            guard let url = URL(string: base), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw ConfigurationError(setting: "TELEGRAM_API_BASE_URL", problem: "not an http(s) URL: \(base)")
            }
            configuration.telegramBaseURL = url
        }
        configuration.smtpHost = environment["SMTP_HOST"].flatMap { $0.isEmpty ? nil : $0 }
        if let port = environment["SMTP_PORT"], !port.isEmpty {
            guard let value = Int(port), (1...65535).contains(value) else {
                throw ConfigurationError(setting: "SMTP_PORT", problem: "not a TCP port: \(port)")
            }
            configuration.smtpPort = value
        }
        if let from = environment["SMTP_FROM"], !from.isEmpty {
            guard from.contains("@") else { throw ConfigurationError(setting: "SMTP_FROM", problem: "not a mail address: \(from)") }
            configuration.mailFrom = from
        }
        return configuration
    }
}
