public import Foundation

/// Where the optional answer drafts come from: an OpenAI-compatible chat-completions endpoint.
///
/// Off by default (no `SUPPORT_LLM_URL`): the platform works fully offline and nothing leaves it.
public struct LLMConfiguration: Sendable, Hashable {
    /// The API base (e.g. `https://api.openai.com/v1`); requests go to `<base>/chat/completions`.
    public var baseURL: URL
    public var model: String
    /// Sent as `Authorization: Bearer …` when set (local servers often need none).
    public var apiKey: String?
    public var timeout: Duration
    /// Whether the FAQ bot sends requesters a draft instead of the article's text (`SUPPORT_LLM_BOT_ANSWERS=on`).
    /// Agents get drafts on request whenever an endpoint is configured.
    public var answersRequesters: Bool

    public init(baseURL: URL, model: String, apiKey: String? = nil, timeout: Duration = .seconds(20), answersRequesters: Bool = false) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.timeout = timeout
        self.answersRequesters = answersRequesters
    }

    /// The endpoint drafts are posted to.
    public var completionsURL: URL {
        baseURL.absoluteString.hasSuffix("/chat/completions") ? baseURL : baseURL.appendingPathComponent("chat/completions")
    }

    /// Reads `SUPPORT_LLM_URL` (unset or empty: nil, drafts off), `SUPPORT_LLM_MODEL` (required with a URL),
    /// `SUPPORT_LLM_API_KEY`, `SUPPORT_LLM_TIMEOUT_SECONDS` (1…120, default 20) and `SUPPORT_LLM_BOT_ANSWERS` (`on`/`off`).
    /// - Throws: ``LLMConfigurationError`` naming the variable.
    public static func from(environment: [String: String]) throws(LLMConfigurationError) -> LLMConfiguration? {
        guard let raw = environment["SUPPORT_LLM_URL"], !raw.isEmpty else { return nil }
        guard let url = URL(string: raw), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            throw LLMConfigurationError(message: "SUPPORT_LLM_URL: an http(s) URL such as https://api.openai.com/v1 (got \(raw))")
        }
        guard let model = environment["SUPPORT_LLM_MODEL"], !model.isEmpty else {
            throw LLMConfigurationError(message: "SUPPORT_LLM_MODEL: required when SUPPORT_LLM_URL is set")
        }
        var configuration = LLMConfiguration(baseURL: url, model: model)
        if let key = environment["SUPPORT_LLM_API_KEY"], !key.isEmpty { configuration.apiKey = key }
        if let rawTimeout = environment["SUPPORT_LLM_TIMEOUT_SECONDS"], !rawTimeout.isEmpty {
            guard let seconds = Int(rawTimeout), (1...120).contains(seconds) else {
                throw LLMConfigurationError(message: "SUPPORT_LLM_TIMEOUT_SECONDS: whole seconds from 1 to 120 (got \(rawTimeout))")
            }
            configuration.timeout = .seconds(seconds)
        }
        switch environment["SUPPORT_LLM_BOT_ANSWERS"] ?? "off" {
        case "on": configuration.answersRequesters = true
        case "off", "": configuration.answersRequesters = false
        case let other: throw LLMConfigurationError(message: "SUPPORT_LLM_BOT_ANSWERS: on or off (got \(other))")
        }
        return configuration
    }
}

/// A bad LLM setting, named in one line.
public struct LLMConfigurationError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
