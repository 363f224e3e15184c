public import Foundation
import SupportStore

/// Where the arbitration worker sends payout commands: the guarantor bot's webhook.
///
/// `GUARANTOR_WEBHOOK_URL` (http or https) and `GUARANTOR_WEBHOOK_SECRET` (sent as
/// `X-Guarantor-Secret`). Without a URL every payout fails, which raises an L2 incident: a ruling
/// is never silently dropped.
public struct ArbitrationConfiguration: Sendable {
    public var guarantorWebhook: URL?
    public var guarantorSecret: String?
    public var timeout: Duration

    public init(guarantorWebhook: URL? = nil, guarantorSecret: String? = nil, timeout: Duration = .seconds(15)) {
        self.guarantorWebhook = guarantorWebhook
        self.guarantorSecret = guarantorSecret
        self.timeout = timeout
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> ArbitrationConfiguration
    {
        var configuration = ArbitrationConfiguration()
        if let text = environment["GUARANTOR_WEBHOOK_URL"], !text.isEmpty {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw ConfigurationError(setting: "GUARANTOR_WEBHOOK_URL", problem: "not an http(s) URL: \(text)")
            }
            configuration.guarantorWebhook = url
        }
        configuration.guarantorSecret = environment["GUARANTOR_WEBHOOK_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        return configuration
    }
}
