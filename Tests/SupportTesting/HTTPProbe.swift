import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Minimal HTTP GET for tests that talk to a live port.
public enum HTTPProbe {
    public struct Reply: Sendable {
        public let status: Int
        public let body: String
    }

    public static func get(_ url: String) async throws -> Reply {
        var request = URLRequest(url: URL(string: url)!)
        request.timeoutInterval = 5
        let (data, response) = try await URLSession.shared.data(for: request)
        return Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: String(decoding: data, as: UTF8.self))
    }

    /// Retries until `accept` holds or `timeout` passes (a server that is still starting refuses).
    public static func get(_ url: String, timeout: Duration = .seconds(90), until accept: (Reply) -> Bool) async throws -> Reply {
        let deadline = ContinuousClock.now + timeout
        var last: Reply?
        while ContinuousClock.now < deadline {
            if let reply = try? await get(url) {
                last = reply
                if accept(reply) { return reply }
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw LiveProcessTimeout(lastLines: "GET \(url): last reply \(last.map { "\($0.status) \($0.body)" } ?? "none")")
    }
}
