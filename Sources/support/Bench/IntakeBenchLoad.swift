import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization

/// Open-loop Telegram updates against the API: update k leaves at start + k/rate, whatever the
/// answers to earlier ones, from user 10⁹+k with one of the pipeline bench's texts.
struct IntakeBenchLoad: Sendable {
    let http: HTTPClient
    let base: String
    let secret: String
    let rate: Int
    let seconds: Int

    struct Sent: Sendable {
        var accepted: Int
        var refused: Int
        var acceptMillis: [Double]
        var sendSeconds: Double
    }

    final class Tally: Sendable {
        let state = Mutex<(accepted: Int, refused: Int, millis: [Double])>((0, 0, []))
    }

    func run() async throws -> Sent {
        let results = Tally()
        let total = rate * seconds
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for k in 0..<total {
                try await Task.sleep(until: started + .seconds(Double(k) / Double(rate)))
                group.addTask {
                    let t0 = ContinuousClock.now
                    let ok = await send(k)
                    let millis = (ContinuousClock.now - t0).seconds * 1000
                    results.state.withLock {
                        if ok { $0.accepted += 1; $0.millis.append(millis) } else { $0.refused += 1 }
                    }
                }
            }
            try await group.waitForAll()
        }
        let sendSeconds = (ContinuousClock.now - started).seconds
        return results.state.withLock { Sent(accepted: $0.accepted, refused: $0.refused, acceptMillis: $0.millis, sendSeconds: sendSeconds) }
    }

    /// Update k: user 10⁹+k writes one of the pipeline bench's texts (also fed by `support chaos`).
    static func update(_ k: Int) -> [String: Any] {
        let user = 1_000_000_000 + k
        return [
            "update_id": k + 1,
            "message": [
                "message_id": 1, "date": Int(Date().timeIntervalSince1970),
                "chat": ["id": user, "type": "private"], "from": ["id": user, "is_bot": false, "first_name": "Bench \(k)"],
                "text": PipelineBenchRun.texts[k % PipelineBenchRun.texts.count],
            ] as [String: Any],
        ]
    }

    private func send(_ k: Int) async -> Bool {
        let update = Self.update(k)
        do {
            var request = HTTPClientRequest(url: base + "/telegram/webhook")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "X-Telegram-Bot-Api-Secret-Token", value: secret)
            request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: update)))
            let response = try await http.execute(request, timeout: .seconds(30))
            _ = try await response.body.collect(upTo: 1 << 16)
            return (200..<300).contains(response.status.code)
        } catch {
            return false
        }
    }
}
