import Foundation
public import Hummingbird
import Logging
import NIOCore
public import Synchronization

/// A local HTTP server standing in for the Telegram Bot API, a webhook receiver or the guarantor bot.
/// It records every request (path, body, headers) and answers with the status and body the test
/// sets; `replies` queued first are used once each, in order.
public final class StubHTTPServer: Sendable {
    public struct Request: Sendable {
        public var path: String
        public var body: String
        public var headers: HTTPFields
    }
    public let requests = Mutex<[Request]>([])
    public let reply = Mutex<(status: Int, body: String)>((200, "{}"))
    public let replies = Mutex<[(status: Int, body: String)]>([])

    /// Runs the server for the duration of `body`, passing its base URL.
    public static func with(_ body: @Sendable (StubHTTPServer, String) async throws -> Void) async throws {
        let stub = StubHTTPServer()
        let router = Router()
        router.post("**") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            stub.requests.withLock {
                $0.append(Request(path: request.uri.path, body: String(buffer: bytes), headers: request.headers))
            }
            let queued = stub.replies.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            let (status, text) = queued ?? stub.reply.withLock { $0 }
            return Response(status: .init(code: status), headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        let port = Mutex<Int?>(nil)
        var logger = Logger(label: "stub")
        logger.logLevel = .error
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port } }, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            while port.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(10)) }
            try await body(stub, "http://127.0.0.1:\(port.withLock { $0 }!)")
            group.cancelAll()
        }
    }
}
