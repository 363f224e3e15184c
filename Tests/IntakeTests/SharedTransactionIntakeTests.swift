@testable import Intake
import JobQueue
import PostgresNIO
import SupportSchema
import SupportTesting
import Testing

/// Intake jobs that arrive while the worker's transactions are busy share the next one
/// (``GroupCommitGate``): each item still gets exactly its own outcome.
struct SharedTransactionIntakeTests {
    static let oneAtATime = IntakeConfiguration(groupCommit: GroupCommitSettings(batchSize: 16, concurrentTransactions: 1))

    /// Runs `first` while its item row is locked elsewhere, queues `others` behind it one by one (in that
    /// order), then lets them all go; returns every outcome in the order given.
    static func together(
        _ env: IntakeEnv, first: InboundItemID, then others: [InboundItemID]
    ) async throws -> [IntakeOutcome] {
        try await env.client.withConnection { holder in
            try await holder.query("BEGIN", logger: env.logger)
            try await holder.query("SELECT 1 FROM inbound_item WHERE id = \(first.rawValue) FOR UPDATE", logger: env.logger)
            return try await withThrowingTaskGroup(of: (Int, IntakeOutcome).self) { group in
                group.addTask { (0, try await env.handler.process(inboundItemID: first)) }
                try await Self.until {
                    try await env.int("SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 1
                }
                for (index, item) in others.enumerated() {
                    group.addTask { (index + 1, try await env.handler.process(inboundItemID: item)) }
                    try await Self.until { env.handler.itemsWaiting == index + 1 }
                }
                try await holder.query("COMMIT", logger: env.logger)
                var outcomes: [Int: IntakeOutcome] = [:]
                for try await (index, outcome) in group { outcomes[index] = outcome }
                return (0...others.count).map { outcomes[$0] ?? .notFound }
            }
        }
    }

    static func until(_ condition: () async throws -> Bool) async throws {
        for _ in 0..<1000 where try await !condition() { try await Task.sleep(for: .milliseconds(10)) }
        #expect(try await condition())
    }

    @Test func itemsQueuedBehindABusyTransactionShareTheNextAndEachGetsItsOwnOutcome() async throws {
        try await IntakeEnv.with(configuration: Self.oneAtATime) { env in
            let first = try await env.receive(.telegram, TelegramUpdates.text(update: 1, user: 1, "first"), dedupeKey: "1")
            let anna = try await env.receive(.telegram, TelegramUpdates.text(update: 2, user: 2, messageID: 1, "Оплата не проходит"), dedupeKey: "2")
            let odd = try await env.receive(.telegram, TelegramUpdates.unsupported(update: 3), dedupeKey: "3")
            let more = try await env.receive(.telegram, TelegramUpdates.text(update: 4, user: 2, messageID: 2, "карта Visa"), dedupeKey: "4")
            let outcomes = try await Self.together(env, first: first, then: [anna, odd, more, anna])

            let ticket = try outcomes[1].ticket()
            #expect(try outcomes[0].ticket() != ticket)
            #expect(outcomes[1] == .created(ticket))
            guard case .ignored = outcomes[2] else { Issue.record("unsupported update: \(outcomes[2])"); return }
            #expect(outcomes[3] == .appended(ticket))
            #expect(outcomes[4] == .alreadyHandled(.processed))
            // One transaction for the four queued jobs, another for the first.
            #expect(try await env.int("SELECT count(DISTINCT xmin::text)::int FROM inbound_item WHERE id IN (\(anna), \(odd), \(more))") == 1)
            #expect(try await env.int("SELECT count(DISTINCT xmin::text)::int FROM inbound_item") == 2)
            #expect(try await env.strings("SELECT status || '|' || coalesce(ticket_id::text, error) FROM inbound_item ORDER BY id").dropFirst()
                == ["processed|\(ticket)", "ignored|\(try await env.string("SELECT error FROM inbound_item WHERE id = \(odd)") ?? "?")",
                    "processed|\(ticket)"])
            #expect(try await env.census() == ["requester": 2, "requester_identity": 2, "ticket": 2, "message": 3, "ticket_event": 5,
                                               "notification": 2, "routing": 2, "notify": 2])
            #expect(try await env.strings("SELECT body FROM message WHERE ticket_id = \(ticket) ORDER BY id")
                == ["Оплата не проходит", "карта Visa"])
        }
    }

    @Test func howManyShareIsConfigurableAndABadValueNamesItsVariable() throws {
        let defaults = try IntakeConfiguration(environment: [:])
        #expect(defaults.groupCommit == GroupCommitSettings(batchSize: 16, concurrentTransactions: 4))
        let set = try IntakeConfiguration(environment: ["SUPPORT_INTAKE_BATCH_SIZE": "1", "SUPPORT_INTAKE_TRANSACTIONS": "8"])
        #expect(set.groupCommit == GroupCommitSettings(batchSize: 1, concurrentTransactions: 8))
        for (name, bad) in [("SUPPORT_INTAKE_BATCH_SIZE", "0"), ("SUPPORT_INTAKE_BATCH_SIZE", "1001"),
                            ("SUPPORT_INTAKE_TRANSACTIONS", "many"), ("SUPPORT_INTAKE_TRANSACTIONS", "257")] {
            let error = try #require(throws: IntakeConfigurationError.self) { try IntakeConfiguration(environment: [name: bad]) }
            #expect(error.message.hasPrefix("\(name): a whole number from 1 to "))
        }
    }

    /// Tickets opened in one shared transaction have the same `created_at`; the id decides which came first.
    @Test func theSecondOfTwoTicketsOpenedTogetherIsARepeatContact() async throws {
        try await IntakeEnv.with(configuration: Self.oneAtATime) { env in
            let first = try await env.receive(.telegram, TelegramUpdates.text(update: 1, user: 1, "first"), dedupeKey: "1")
            let one = try await env.receive(.telegram, TelegramUpdates.text(update: 2, user: 2, messageID: 1, "/new Оплата"), dedupeKey: "2")
            let two = try await env.receive(.telegram, TelegramUpdates.text(update: 3, user: 2, messageID: 2, "/new Оплата снова"), dedupeKey: "3")
            let outcomes = try await Self.together(env, first: first, then: [one, two])
            let (earlier, later) = (try outcomes[1].ticket(), try outcomes[2].ticket())
            #expect(earlier.rawValue < later.rawValue)
            #expect(try await env.int("SELECT count(DISTINCT created_at)::int FROM ticket WHERE id IN (\(earlier), \(later))") == 1)
            try await env.exec("UPDATE ticket SET category = 'payment' WHERE id = \(earlier)")
            try await env.exec("UPDATE ticket SET category = 'payment' WHERE id = \(later)")
            #expect(try await env.strings("SELECT repeat_contact::text FROM ticket WHERE id IN (\(earlier), \(later)) ORDER BY id")
                == ["false", "true"])
        }
    }
}
