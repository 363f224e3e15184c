import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization

/// Feeds the chaos run's tickets through the API's Telegram webhook, open loop at `rate` per second.
///
/// Like Telegram itself, it re-sends an update until it gets a 2xx (the API is down while PostgreSQL
/// restarts); the `update_id` makes a re-sent update one inbound item.
final class ChaosFeeder: Sendable {
    let http: HTTPClient
    let base: String
    let secret: String
    let tickets: Int
    let rate: Int
    /// Updates accepted so far; the monkey restarts PostgreSQL once half are in.
    let accepted: Atomic<Int>
    let resends: Atomic<Int>

    init(http: HTTPClient, base: String, secret: String, tickets: Int, rate: Int) {
        self.http = http
        self.base = base
        self.secret = secret
        self.tickets = tickets
        self.rate = rate
        self.accepted = Atomic(0)
        self.resends = Atomic(0)
    }

    func run() async throws {
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for k in 0..<tickets {
                try await Task.sleep(until: started + .seconds(Double(k) / Double(rate)))
                group.addTask { try await self.deliver(k) }
            }
            try await group.waitForAll()
        }
    }

    /// Sends update k until the API takes it (gives up after 5 minutes: the run then reports it lost).
    private func deliver(_ k: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(300)
        let body = try JSONSerialization.data(withJSONObject: IntakeBenchLoad.update(k))
        while ContinuousClock.now < deadline {
            var request = HTTPClientRequest(url: base + "/telegram/webhook")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "X-Telegram-Bot-Api-Secret-Token", value: secret)
            request.body = .bytes(ByteBuffer(data: body))
            if let response = try? await http.execute(request, timeout: .seconds(30)) {
                _ = try? await response.body.collect(upTo: 1 << 16)
                if (200..<300).contains(response.status.code) {
                    accepted.add(1, ordering: .relaxed)
                    return
                }
            }
            resends.add(1, ordering: .relaxed)
            try await Task.sleep(for: .milliseconds(250))
        }
    }
}
