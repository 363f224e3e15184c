import Foundation
@testable import JobQueue
import PostgresNIO
import SupportTesting
import Synchronization
import Testing

/// A standalone enqueue on an idle notifier carries its own NOTIFY, in the statement that inserts the job.
@Suite("Enqueue wake-ups")
struct EnqueueNotifyTests {
    @Test("a ready job wakes its queue once; a scheduled job and a refused unique key wake nobody")
    func statementCarriesTheWakeUp() async throws {
        try await QueueEnv.with { env in
            let listener = try await WakeUpListener.start(env)
            // Spaced beyond the notifier's 1 ms, so each enqueue finds it idle and carries its own.
            let queue = env.queue(wakeLocal: false)
            let ready = try await queue.enqueue(noopJob("ready", 1))
            try await Task.sleep(for: .milliseconds(20))
            _ = try await queue.enqueue(NewJob(queue: "later", kind: "noop", bytes: "{}".utf8, schedule: .after(.seconds(600))))
            try await Task.sleep(for: .milliseconds(20))
            let first = try await queue.enqueue(NewJob(queue: "keyed", kind: "noop", bytes: "{}".utf8, uniqueKey: "k"))
            try await Task.sleep(for: .milliseconds(20))
            let refused = try await queue.enqueue(NewJob(queue: "keyed", kind: "noop", bytes: "{}".utf8, uniqueKey: "k"))

            #expect(ready != nil && first != nil)
            #expect(refused == nil)
            try await expectEventually { listener.payloads.count >= 2 }
            try await Task.sleep(for: .milliseconds(300))
            #expect(listener.payloads == ["ready", "keyed"])
            #expect(try await env.scalar("SELECT count(*) FROM job WHERE state = 2 AND queue = 'later'") == 1)
            try await listener.stop()
        }
    }

    @Test("a transaction's jobs at commit carry their wake-up; jobs enqueued earlier in it are woken after")
    func commitCarriesTheWakeUp() async throws {
        try await QueueEnv.with { env in
            let listener = try await WakeUpListener.start(env)
            let queue = env.queue(wakeLocal: false)
            try await queue.transaction { _, jobs in
                jobs.enqueueAtCommit(batch: [noopJob("carried", 1), noopJob("carried", 2), noopJob("also", 3)])
            }
            try await expectEventually { listener.payloads.count >= 2 }
            #expect(queue.notifier.remoteRounds.load(ordering: .relaxed) == 0, "the commit carried them")

            try await Task.sleep(for: .milliseconds(20))
            try await queue.transaction { _, jobs in
                try await jobs.enqueue(noopJob("early", 4))
                jobs.enqueueAtCommit(noopJob("late", 5))
            }
            try await expectEventually { listener.payloads.count >= 4 }
            try await Task.sleep(for: .milliseconds(300))
            #expect(queue.notifier.remoteRounds.load(ordering: .relaxed) == 1, "one round for the early job's queue")
            #expect(Set(listener.payloads) == ["carried", "also", "early", "late"])
            #expect(listener.payloads.count == 4)
            try await listener.stop()
        }
    }

    @Test("while a wake-up is in flight or was just sent, enqueues join the coalesced round instead")
    func inlineSlotIsExclusiveAndSpaced() async throws {
        try await QueueEnv.with { env in
            let notifier = Notifier(client: env.client, logger: env.logger, wakeLocal: false, spacing: .milliseconds(200))
            #expect(notifier.reserveInline())
            #expect(!notifier.reserveInline(), "a second producer must not carry one while the first is in flight")
            notifier.endInline(woke: ["q"])
            #expect(!notifier.reserveInline(), "within the spacing of the last one")
            try await Task.sleep(for: .milliseconds(250))
            #expect(notifier.reserveInline())
            notifier.endInline(woke: [])
        }
    }
}
