public import Foundation

/// A Bot API method call: its name, its JSON body (the conforming value) and the type of its `result`.
///
/// ```swift
/// let request = SendMessageRequest(chatID: 42, text: "Hi")
/// let url = SendMessageRequest.url(baseURL: config.botAPIBase, token: token) // …/bot<token>/sendMessage
/// let body = try request.jsonBody()
/// ```
public protocol BotAPIRequest: Encodable, Sendable {
    associatedtype Response: Decodable & Sendable
    /// The method name, e.g. `sendMessage`.
    static var methodName: String { get }
}

extension BotAPIRequest {
    /// `<baseURL>/bot<token>/<method>`; the base is configurable so tests can point at a fake server.
    public static func url(baseURL: URL, token: String) -> URL {
        baseURL.appendingPathComponent("bot\(token)").appendingPathComponent(methodName)
    }

    /// The request body as the Bot API expects it (snake_case keys, nil fields omitted), with sorted keys so
    /// that bodies are byte-for-byte reproducible.
    public func jsonBody() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
