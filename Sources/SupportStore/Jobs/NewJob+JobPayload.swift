import Foundation
import JobQueue
import NIOCore
import SupportSchema

extension NewJob {
    /// A job carrying a platform payload: its queue, kind and unique key come from the payload type,
    /// and the bytes are the shared JSON coding, so every process reads what every other writes.
    public init<Payload: JobPayload>(
        _ payload: Payload, priority: Int16 = 0, schedule: Schedule = .now, maxAttempts: Int32 = 20
    ) throws {
        self.init(
            queue: Payload.queue.rawValue, kind: Payload.kind,
            payload: ByteBuffer(bytes: try JobPayloadCoding.encode(payload)),
            priority: priority, schedule: schedule, maxAttempts: maxAttempts, uniqueKey: payload.uniqueKey
        )
    }
}

extension JobHandlerRegistry {
    /// Registers the handler for a platform payload type. A payload that does not decode (malformed,
    /// or written by a newer build) goes straight to `job_dead` with the reason, instead of retrying.
    public mutating func register<Payload: JobPayload>(
        _ type: Payload.Type, _ handler: @escaping @Sendable (JobContext, Payload) async throws -> Void
    ) {
        let decoding: Handler = { context, buffer in
            let payload: Payload
            do {
                payload = try JobPayloadCoding.decode(Payload.self, from: Array(buffer.readableBytesView))
            } catch {
                throw JobPayloadError(kind: Payload.kind, message: "\(error)")
            }
            try await handler(context, payload)
        }
        register(Payload.kind, decoding)
    }
}
