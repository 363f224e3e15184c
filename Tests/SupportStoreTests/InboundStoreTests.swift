import Foundation
import JobQueue
import PostgresNIO
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// Raw items and their `intake` jobs commit together, and a re-delivered item queues nothing new.
struct InboundStoreTests {
    func counts(_ client: PostgresClient, _ db: TestDatabase) async throws -> (items: Int, jobs: Int) {
        try await client.query(
            "SELECT (SELECT count(*)::int FROM inbound_item), (SELECT count(*)::int FROM job WHERE queue = 'intake')",
            logger: db.logger
        ).collect().first?.decode((Int, Int).self) ?? (0, 0)
    }

    @Test func storesOnceAndQueuesOnce() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                let store = InboundStore(queue: JobQueue(client: client, logger: db.logger))
                let update = NewInboundItem(channel: .telegram, dedupeKey: "5001", raw: Array(#"{"update_id":5001}"#.utf8),
                                            contentType: "application/json", meta: ["remote": "127.0.0.1"])
                let first = try await store.receive(update)
                let again = try await store.receive(update)
                #expect(first.isNew && !again.isNew && first.id == again.id)
                let other = try await store.receive(NewInboundItem(channel: .email, dedupeKey: "5001", raw: [0x41], contentType: "message/rfc822"))
                #expect(other.isNew && other.id != first.id, "dedupe keys are per channel")
                let c = try await counts(client, db)
                #expect(c.items == 2 && c.jobs == 2)
                // Built in SQL, the job must be the one the Swift side would have queued, byte for byte.
                let expected = try NewJob(IntakeJob(inboundItemID: first.id))
                let job = try await client.query(
                    "SELECT kind, payload, unique_key, priority, max_attempts, state FROM job WHERE queue = 'intake' ORDER BY id LIMIT 1",
                    logger: db.logger
                ).collect().first?.decode((String, ByteBuffer, String?, Int16, Int32, Int16).self)
                #expect(job?.0 == expected.kind && job?.1 == expected.payload && job?.2 == expected.uniqueKey)
                #expect(job?.3 == expected.priority && job?.4 == expected.maxAttempts && job?.5 == 0)
                let decoded = try job.map { try JobPayloadCoding.decode(IntakeJob.self, from: Array($0.1.readableBytesView)) }
                #expect(decoded?.inboundItemID == first.id)
            }
        }
    }

    @Test func itemsWithoutADedupeKeyAreAllKept() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                let store = InboundStore(queue: JobQueue(client: client, logger: db.logger))
                let form = NewInboundItem(channel: .web, dedupeKey: nil, raw: Array("subject=help".utf8), contentType: "application/x-www-form-urlencoded")
                _ = try await store.receive(form)
                _ = try await store.receive(form)
                let c = try await counts(client, db)
                #expect(c.items == 2 && c.jobs == 2)
            }
        }
    }

    @Test func unreadableItemsAreKeptAsFailedWithoutAJob() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                let store = InboundStore(queue: JobQueue(client: client, logger: db.logger))
                let garbage: [UInt8] = [0xFF, 0xFE, 0x7B]
                let id = try await store.receiveUnreadable(
                    NewInboundItem(channel: .telegram, dedupeKey: nil, raw: garbage, contentType: "application/json"),
                    error: "malformed JSON"
                )
                let row = try await client.query("SELECT status, error, raw FROM inbound_item WHERE id = \(id.rawValue)", logger: db.logger)
                    .collect().first?.decode((String, String?, ByteBuffer).self)
                #expect(row?.0 == "failed" && row?.1 == "malformed JSON")
                #expect(row.map { Array($0.2.readableBytesView) } == garbage)
                #expect(try await counts(client, db).jobs == 0)
            }
        }
    }
}
