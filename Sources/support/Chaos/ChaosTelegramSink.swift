import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// The chaos run's Telegram Bot API: a local HTTP server that answers `sendMessage` like Telegram and
/// records every delivery, so the run can count how often each notification actually went out.
final class ChaosTelegramSink: Sendable {
    struct Delivery: Sendable, Hashable {
        var messageID: Int
        var chat: Int64
        var text: String
    }

    let deliveries = Mutex<[Delivery]>([])
    private let port = Mutex<Int?>(nil)

    /// Runs the sink for the duration of `body`, passing its base URL.
    func run<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
        let router = Router()
        router.post("**") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            return Self.json(self.answer(path: request.uri.path, body: Data(buffer: bytes)))
        }
        var logger = Logger(label: "chaos.telegram")
        logger.logLevel = .critical  // its shutdown under cancellation logs harmless errors
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in self.port.withLock { $0 = channel.localAddress?.port } }, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            while port.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(10)) }
            let result = try await body("http://127.0.0.1:\(port.withLock { $0 }!)")
            group.cancelAll()
            return result
        }
    }

    /// A Bot API answer: a `Message` for `sendMessage` (recorded), plain `true` for anything else.
    private func answer(path: String, body: Data) -> [String: Any] {
        guard path.hasSuffix("/sendMessage"),
              let request = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let chat = (request["chat_id"] as? NSNumber)?.int64Value
        else { return ["ok": true, "result": true] }
        let text = request["text"] as? String ?? ""
        let id = deliveries.withLock { list in
            list.append(Delivery(messageID: list.count + 1, chat: chat, text: text))
            return list.count
        }
        return ["ok": true, "result": ["message_id": id, "date": Int(Date().timeIntervalSince1970),
                                        "chat": ["id": chat, "type": "private"], "text": text] as [String: Any]]
    }

    private static func json(_ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
