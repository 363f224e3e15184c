import Foundation
import PostgresNIO

/// Maps a job `kind` to its handler.
///
/// ```swift
/// var handlers = JobHandlerRegistry()
/// handlers.register("welcome", as: Welcome.self) { context, welcome in
///     try await mailer.send(welcome, logger: context.logger)
/// }
/// handlers.register("raw") { context, bytes in … }   // ByteBuffer payload
/// ```
///
/// A handler that throws makes the job retry with backoff (or die after `max_attempts`); one that throws
/// a ``JobPermanentError`` (``JobPayloadError`` included) sends it straight to `job_dead`.
public struct JobHandlerRegistry: Sendable {
    public typealias Handler = @Sendable (JobContext, ByteBuffer) async throws -> Void

    private(set) var handlers: [String: Handler] = [:]

    public init() {}

    /// Registers a handler that receives the raw payload bytes.
    public mutating func register(_ kind: String, _ handler: @escaping Handler) {
        handlers[kind] = handler
    }

    /// Registers a handler whose payload is decoded from JSON; a decoding failure discards the job to
    /// `job_dead` with a ``JobPayloadError``.
    public mutating func register<Payload: Decodable & Sendable>(
        _ kind: String,
        as type: Payload.Type,
        _ handler: @escaping @Sendable (JobContext, Payload) async throws -> Void
    ) {
        handlers[kind] = { context, buffer in
            let payload: Payload
            do {
                payload = try JSONDecoder().decode(Payload.self, from: Data(buffer.readableBytesView))
            } catch {
                throw JobPayloadError(kind: kind, message: "\(error)")
            }
            try await handler(context, payload)
        }
    }

    public var kinds: [String] { handlers.keys.sorted() }

    func handler(for kind: String) -> Handler? { handlers[kind] }
}
