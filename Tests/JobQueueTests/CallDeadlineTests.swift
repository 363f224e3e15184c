import Foundation
@testable import JobQueue
import PostgresNIO
import Testing

/// A dedicated-connection call that is never answered fails at its deadline instead of hanging the worker,
/// and the next call gets a fresh connection.
struct CallDeadlineTests {
    @Test func anUnansweredCallFailsAtItsDeadlineAndTheNextOneReconnects() async throws {
        try await QueueEnv.with { env in
            let connection = DedicatedConnection(
                configuration: env.settings.connectionConfiguration, applicationName: "deadline-test",
                idleInTransactionTimeout: .seconds(60), synchronousCommitOff: false, logger: env.logger)
            let started = ContinuousClock.now
            await #expect(throws: (any Error).self) {
                try await connection.run(deadline: .seconds(1)) { postgres in
                    try await postgres.query("SELECT pg_sleep(120)", logger: env.logger).collect().count
                }
            }
            let waited = ContinuousClock.now - started
            #expect(waited < .seconds(20), "failed after \(waited), not at the 1 s deadline")
            let answer = try await connection.run(deadline: .seconds(10)) { postgres in
                try await postgres.query("SELECT 41 + 1", logger: env.logger).collect().first?.decode(Int.self)
            }
            #expect(answer == 42)
            await connection.close()
        }
    }
}
