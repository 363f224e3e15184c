public import AsyncHTTPClient
import Foundation
import NIOCore
public import SupportDomain

/// Posts a prompt to an OpenAI-compatible `chat/completions` endpoint and returns the first choice's text.
///
/// ```swift
/// let text = try await ChatCompletionsClient(http: .shared, configuration: llm).complete(messages)
/// ```
public struct ChatCompletionsClient: Sendable {
    public let http: HTTPClient
    public let configuration: LLMConfiguration

    public init(http: HTTPClient, configuration: LLMConfiguration) {
        self.http = http
        self.configuration = configuration
    }

    struct Body: Encodable {
        var model: String
        var messages: [AnswerDraftPrompt.Message]
        /// Low: a draft restates articles, it should not improvise.
        var temperature: Double
    }

    struct Reply: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable { var content: String? }
            var message: Message
        }
        var choices: [Choice]
    }

    /// - Throws: ``LLMError`` for no answer, a non-2xx status, or a reply without text.
    public func complete(_ messages: [AnswerDraftPrompt.Message]) async throws(LLMError) -> String {
        let body: Data
        do {
            body = try JSONEncoder().encode(Body(model: configuration.model, messages: messages, temperature: 0.2))
        } catch {
            throw LLMError(message: "could not encode the prompt: \(error)")
        }
        var request = HTTPClientRequest(url: configuration.completionsURL.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let key = configuration.apiKey { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        request.body = .bytes(ByteBuffer(data: body))
        let status: UInt
        let text: ByteBuffer
        do {
            let response = try await http.execute(request, timeout: .seconds(configuration.timeout.components.seconds))
            status = response.status.code
            text = try await response.body.collect(upTo: 1 << 20)
        } catch {
            throw LLMError(message: "the LLM endpoint did not answer: \(error)")
        }
        guard (200..<300).contains(status) else {
            throw LLMError(message: "the LLM endpoint answered HTTP \(status): \(String(buffer: text).prefix(200))")
        }
        guard let reply = try? JSONDecoder().decode(Reply.self, from: Data(buffer: text)),
            let content = reply.choices.first?.message.content
        else {
            throw LLMError(message: "the LLM endpoint's reply has no choices[0].message.content")
        }
        return content
    }
}

/// Why no draft came back; the caller falls back to the articles themselves.
public struct LLMError: Error, CustomStringConvertible, Sendable, Hashable {
    public var message: String
    public var description: String { message }
}
