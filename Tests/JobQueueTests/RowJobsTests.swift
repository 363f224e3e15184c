import Foundation
@testable import JobQueue
import PostgresNIO
import Synchronization
import Testing

/// A caller's insert and the jobs for its rows, in one statement.
@Suite("Jobs for a statement's rows")
struct RowJobsTests {
    @Test("each returned row gets a job unless its unique key is held; keys come back; the statement wakes the queue")
    func jobsFollowTheRows() async throws {
        try await QueueEnv.with { env in
            _ = try await env.client.query("CREATE TABLE outbox (id bigserial PRIMARY KEY, tag text)", logger: env.logger)
            let listener = try await WakeUpListener.start(env)
            let queue = env.queue(wakeLocal: false)
            let tags = ["x", "k", "k"]
            var bindings = PostgresBindings()
            bindings.append(tags)
            let keys = try await queue.enqueue("rows", kind: "noop", priority: 3, forRowsOf: OutboxInsert(bindings: bindings))
            #expect(keys.count == 3)
            let jobs = try await env.client.query(
                "SELECT convert_from(payload, 'UTF8'), priority, state FROM job WHERE queue = 'rows' ORDER BY id", logger: env.logger
            ).collect().map { try $0.decode((String, Int16, Int16).self) }
            #expect(jobs.map(\.0) == ["{\"i\":\(keys[0])}", "{\"i\":\(keys[1])}"], "the second 'key' row finds it held")
            #expect(jobs.allSatisfy { $0.1 == 3 && $0.2 == 0 })
            try await expectEventually { listener.payloads == ["rows"] }
            #expect(queue.notifier.remoteRounds.load(ordering: .relaxed) == 0, "the statement carried the wake-up")

            let none = try await queue.enqueue("rows", kind: "noop", forRowsOf: NothingInserted())
            #expect(none.isEmpty)
            #expect(try await env.scalar("SELECT count(*) FROM job") == 2)
            try await listener.stop()
        }
    }
}

/// Inserts a row per tag; a tag `k` asks for the unique key `key`.
private struct OutboxInsert: RowJobSource {
    static let name = "outbox_test_v1"
    static let sql = """
        INSERT INTO outbox (tag) SELECT unnest($1::text[])
        RETURNING id AS key, convert_to(format('{"i":%s}', id), 'UTF8') AS payload, CASE WHEN tag = 'k' THEN 'key' END AS unique_key
        """
    static let parameterTypes: [PostgresDataType] = [.textArray]
    let bindings: PostgresBindings
}

/// Inserts nothing.
private struct NothingInserted: RowJobSource {
    static let name = "outbox_none_test_v1"
    static let sql = "INSERT INTO outbox (tag) SELECT 'y' WHERE false RETURNING id AS key, ''::bytea AS payload, NULL::text AS unique_key"
    static let parameterTypes: [PostgresDataType] = []
    let bindings = PostgresBindings()
}
