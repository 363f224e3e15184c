import Foundation
import JobQueue
import Logging
import NIOCore
import PostgresNIO
import SupportSchema
import SupportStore
import SupportTesting
import Synchronization
import Testing

/// Platform payloads go through the real queue: typed on the way in, typed on the way out, and a
/// payload this build cannot read is dead-lettered at once with the reason.
struct PlatformJobTests {
    @Test(.timeLimit(.minutes(10)))
    func typedPayloadsRoundTripThroughAWorker() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                let queue = JobQueue(client: client, logger: db.logger)
                let first = try await queue.enqueue(NewJob(IntakeJob(inboundItemID: 41)))
                let duplicate = try await queue.enqueue(NewJob(IntakeJob(inboundItemID: 41)))
                #expect(first != nil)
                #expect(duplicate == nil, "the unique key intake:41 holds while the job is live")
                // A payload written by a newer build.
                try await queue.enqueue(NewJob(queue: "intake", kind: IntakeJob.kind,
                                               payload: ByteBuffer(string: #"{"schema_version":9,"inbound_item_id":42}"#)))

                let seen = Mutex<[InboundItemID]>([])
                var handlers = JobHandlerRegistry()
                handlers.register(IntakeJob.self) { _, job in seen.withLock { $0.append(job.inboundItemID) } }
                var configuration = JobWorkerConfiguration(queues: ["intake": 2])
                configuration.shutdownTimeout = .seconds(2)
                let worker = JobWorker(client: client, connection: db.settings.connectionConfiguration,
                                       configuration: configuration, handlers: handlers, logger: db.logger)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await worker.run() }
                    let deadline = ContinuousClock.now + .seconds(90)
                    while ContinuousClock.now < deadline {
                        let dead = try await client.query("SELECT count(*)::int FROM job_dead", logger: db.logger)
                            .collect().first?.decode(Int.self) ?? 0
                        if dead == 1 && seen.withLock({ $0 }) == [41] { break }
                        try await Task.sleep(for: .milliseconds(50))
                    }
                    group.cancelAll()
                }
                #expect(seen.withLock { $0 } == [41])
                let rows = try await client.query("SELECT reason, last_error FROM job_dead", logger: db.logger)
                    .collect().map { try $0.decode((String, String?).self) }
                #expect(rows.count == 1)
                #expect(rows.first?.0 == "discarded")
                #expect(rows.first?.1?.contains("schema_version 9") == true)
            }
        }
    }
}
