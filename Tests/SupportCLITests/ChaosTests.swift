import Foundation
import SupportTesting
import Testing

/// `support chaos` in CI size: 500 tickets through the real webhook and worker processes while a
/// worker is SIGKILLed every 2 s, the LISTEN backends are cut, and the test's own PostgreSQL cluster
/// restarts once. No ticket may be lost, duplicated or assigned twice.
struct ChaosTests {
    @Test(.timeLimit(.minutes(15)))
    func nothingLostOrDuplicatedUnderKillsAndARestart() async throws {
        // A cluster of the test's own: the run restarts it, which must disturb no other test.
        let cluster = try await ThrowawayCluster.start(maxConnections: 300)
        let apiPort = FreePort.next()
        let run = try LiveProcess(
            BuiltProducts.support,
            ["chaos", "--tickets", "500", "--rate", "50", "--processes-per-kind", "1", "--api-port", "\(apiPort)",
             "--settle-timeout", "120", "--postgres-restart-command", cluster.restartCommand],
            environment: ["DATABASE_URL": cluster.settings.url])
        _ = try? await run.waitForExit(timeout: .seconds(600))
        let output = run.output
        await cluster.stop()
        let report = output.filter { $0.hasPrefix("chaos: ") }.joined(separator: "\n")
        let context = Comment(rawValue: report.isEmpty ? output.suffix(40).joined(separator: "\n") : report)
        let result = try #require(output.first { $0.hasPrefix("chaos: result ") }.map(Self.fields), context)
        func value(_ key: String) -> Double { result[key].flatMap(Double.init) ?? .nan }

        #expect(value("not_accepted") == 0, context)
        #expect(value("lost") == 0, context)
        #expect(value("duplicated") == 0, context)
        #expect(value("doubly_assigned") == 0, context)
        #expect(value("pending_notifications") == 0, context)
        #expect(value("dead_jobs") == 0, context)
        #expect(value("restarts") == 1, context)
        #expect(value("kills") >= 3, context)
        // A worker used to hang after the restart, holding its claimed jobs: its pool stranded lease requests
        // (fixed by a minimum pool size), and postgres-nio never answered calls on closed connections
        // (bounded by AbandonableCall; Docs/QUEUE.md).
        #expect(value("stuck_jobs") == 0, context)
        #expect(value("unrescued") == 0, context)
        // Rescues are timed by the database's own record of each one (`job_worker_lost`), not by polling.
        #expect(value("longest_rescue_s") < 15, context)
        withKnownIssue("a notification whose worker is killed between the send and its record goes out again (Docs/SCALING.md)", isIntermittent: true) {
            #expect(value("duplicate_deliveries") == 0, context)
        }
    }

    static func fields(_ line: String) -> [String: String] {
        var result: [String: String] = [:]
        for part in line.split(separator: " ") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { result[String(pair[0])] = String(pair[1]) }
        }
        return result
    }
}
