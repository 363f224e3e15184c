import PostgresNIO
@testable import JobQueue
import Synchronization

/// Records the payloads (queue names) sent on the queue's wake-up channel, over a connection of its own.
final class WakeUpListener: Sendable {
    private let heard = Mutex<[String]>([])
    private let connection: PostgresConnection
    private let consumer = Mutex<Task<Void, any Error>?>(nil)

    private init(connection: PostgresConnection) { self.connection = connection }

    static func start(_ env: QueueEnv) async throws -> WakeUpListener {
        let connection = try await PostgresConnection.connect(
            configuration: env.settings.connectionConfiguration, id: 1, logger: env.logger)
        let listener = WakeUpListener(connection: connection)
        let stream = try await connection.listen(Notifier.channel)
        listener.consumer.withLock {
            $0 = Task { for try await notification in stream { listener.heard.withLock { $0.append(notification.payload) } } }
        }
        return listener
    }

    var payloads: [String] { heard.withLock { $0 } }

    func stop() async throws {
        // Closing the connection ends the notification sequence (it ignores cancellation).
        try await connection.close()
        _ = await consumer.withLock { $0 }?.result
    }
}
