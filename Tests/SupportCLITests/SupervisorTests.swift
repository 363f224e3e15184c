import Foundation
import SupportStore
import SupportTesting
import Testing

/// `support up` runs the API and each worker kind as separate OS processes and restarts one that dies.
struct SupervisorTests {
    @Test(.timeLimit(.minutes(10)))
    func restartsAWorkerKilledWithSigkill() async throws {
        try await TestDatabase.with(migrations: []) { db in
            let apiPort = FreePort.block(6)  // the API, --ops-port-base, and the 4 workers above it
            let up = try LiveProcess(
                BuiltProducts.support,
                ["up", "--http-port", "\(apiPort)", "--ops-port-base", "\(apiPort + 1)", "--no-seed"],
                environment: ["DATABASE_URL": db.settings.url]
            )
            defer { up.signal(SIGKILL) }
            for name in ["api", "worker-intake-1", "worker-routing-1", "worker-escalation-1", "worker-arbitration-1"] {
                try await up.waitForLine(timeout: .seconds(60)) { $0.contains("supervisor: started \(name) ") }
            }
            let health = try await HTTPProbe.get("http://127.0.0.1:\(apiPort)/health", until: { $0.status == 200 })
            #expect(health.body.contains("\"schema\":\"schema is current\""))

            let line = try await up.waitForLine { $0.contains("supervisor: started worker-routing-1 ") }
            let pid = try #require(Int32(line.split(separator: "pid=").last ?? ""))
            #expect(kill(pid, SIGKILL) == 0, "worker-routing-1 died on its own: \(up.output.suffix(40).joined(separator: "\n"))")
            try await up.waitForLine(timeout: .seconds(90)) { $0.contains("supervisor: exited worker-routing-1 pid=\(pid)") }
            let restarted = try await up.waitForLine(timeout: .seconds(90)) {
                $0.contains("supervisor: started worker-routing-1 ") && !$0.contains("pid=\(pid)")
            }
            let newPID = try #require(Int32(restarted.split(separator: "pid=").last ?? ""))
            #expect(kill(newPID, 0) == 0, "the restarted worker is alive: \(up.output.suffix(40).joined(separator: "\n"))")

            up.signal(SIGTERM)
            #expect(try await up.waitForExit(timeout: .seconds(90)) == 0)
            #expect(kill(newPID, 0) != 0, "children stop with the supervisor")
        }
    }
}
