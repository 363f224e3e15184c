import Foundation
import JobQueue
@testable import Routing
import SupportSchema
import SupportTesting
import Testing

/// Routing jobs that arrive while the worker's transactions are busy share the next one
/// (``GroupCommitGate``): each ticket is routed as it would be alone, counting the assignments made
/// before it in the same transaction.
struct SharedTransactionRoutingTests {
    static let oneAtATime = GroupCommitSettings(batchSize: 16, concurrentTransactions: 1)

    /// Routes `first` while its row is locked elsewhere, queues `others` behind it one by one (in that
    /// order), then lets them all go; returns every outcome in the order given.
    static func together(_ env: RoutingEnv, first: TicketID, then others: [TicketID]) async throws -> [RoutingOutcome?] {
        try await env.client.withConnection { holder in
            try await holder.query("BEGIN", logger: env.logger)
            try await holder.query("SELECT 1 FROM ticket WHERE id = \(first.rawValue) FOR UPDATE", logger: env.logger)
            return try await withThrowingTaskGroup(of: (Int, RoutingOutcome?).self) { group in
                group.addTask { (0, try await env.routing.process(ticketID: first, reason: .new)) }
                try await Self.until {
                    try await env.sql.int(
                        "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 1
                }
                for (index, ticket) in others.enumerated() {
                    group.addTask { (index + 1, try await env.routing.process(ticketID: ticket, reason: .new)) }
                    try await Self.until { env.routing.jobsWaiting == index + 1 }
                }
                try await holder.query("COMMIT", logger: env.logger)
                var outcomes: [Int: RoutingOutcome?] = [:]
                for try await (index, outcome) in group { outcomes[index] = outcome }
                return (0...others.count).map { outcomes[$0] ?? nil }
            }
        }
    }

    static func until(_ condition: () async throws -> Bool) async throws {
        for _ in 0..<1000 where try await !condition() { try await Task.sleep(for: .milliseconds(10)) }
        #expect(try await condition())
    }

    /// Without the roster kept in memory, every ticket of the shared transaction would go to the one
    /// agent who was least loaded when it began.
    @Test func ticketsSharingATransactionSpreadOverTheAgentsAndTheLoadsAddUp() async throws {
        try await RoutingEnv.with(groupCommit: Self.oneAtATime) { env in
            let first = try await env.submit("Вопрос по правилам чата", from: "first@example.com", category: .question)
            var others: [TicketID] = []
            for n in 1...4 {
                others.append(try await env.submit("Оплата не прошла, деньги списаны \(n)", from: "payer\(n)@example.com", category: .payment))
            }
            let outcomes = try await Self.together(env, first: first, then: others + [others[0]])

            #expect(outcomes.allSatisfy { $0 != nil })
            let shared = outcomes.dropFirst().prefix(4).compactMap { $0 }
            #expect(shared.map(\.ticketID) == others)
            // Two agents on shift have the payments skill.
            let counts = Dictionary(grouping: try shared.map { try #require($0.assignee) }, by: { $0 }).values.map(\.count)
            #expect(counts.sorted() == [2, 2])
            // The repeated job found its ticket routed: same assignee, told once.
            #expect(outcomes[5]?.assignee == outcomes[1]?.assignee)
            #expect(try await env.events(others[0], "assigned") == 1)
            // Each ticket's SLA history came from the one statement that loaded them all.
            for ticket in others { try await RoutingSLATests().expectScheduleMatchesReload(ticket, env: env) }
            let list = others.map { "\($0)" }.joined(separator: ", ")
            #expect(try await env.sql.int("SELECT count(DISTINCT xmin::text)::int FROM ticket WHERE id IN (\(list))") == 1)
            #expect(try await env.sql.int("""
                SELECT count(*)::int FROM staff_load l
                WHERE l.active_tickets <> (SELECT count(*) FROM ticket t WHERE t.assignee_id = l.staff_id AND t.status NOT IN ('resolved', 'closed'))
                """) == 0)
        }
    }

    /// Two people reporting one outage in the same shared transaction: the first sees the second's
    /// report, routed in the same transaction, and opens the incident over both.
    @Test func twoReportsOfOneOutageInOneTransactionMakeOneIncident() async throws {
        try await RoutingEnv.with(groupCommit: Self.oneAtATime) { env in
            let first = try await env.submit("Вопрос по правилам чата", from: "first@example.com", category: .question)
            let ivan = try await env.submit("Бот не отвечает на команды, гарант завис, сделка стоит", from: "ivan@example.com")
            let sveta = try await env.submit("бот не отвечает уже полчаса, гарант молчит", from: "sveta@example.com")
            let outcomes = try await Self.together(env, first: first, then: [ivan, sveta])

            let incident = try #require(outcomes[1]?.incident)
            #expect(outcomes[1]?.openedIncident == true)
            #expect(outcomes[2]?.incident == incident && outcomes[2]?.openedIncident == false)
            #expect(try await env.events(sveta, "linked") == 1)
            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE is_incident") == 1)
            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE parent_incident_id = \(incident)") == 2)
            let kirill = try await env.staff("kirill@demo.local")
            #expect(try await env.sql.int("SELECT assignee_id::int FROM ticket WHERE id = \(incident)") == Int(kirill.rawValue))
            #expect(try await env.sql.int("SELECT count(*)::int FROM notification WHERE template = 'incident_broadcast' AND ticket_id = \(incident)") == 3)
            #expect(try await env.sql.int("SELECT count(DISTINCT xmin::text)::int FROM ticket WHERE id IN (\(ivan), \(sveta), \(incident))") == 1)
        }
    }

    @Test func howManyShareIsConfigurableAndABadValueNamesItsVariable() throws {
        #expect(try RoutingConfiguration(environment: [:]).groupCommit == GroupCommitSettings(batchSize: 16, concurrentTransactions: 4))
        let set = try RoutingConfiguration(environment: ["SUPPORT_ROUTING_BATCH_SIZE": "1", "SUPPORT_ROUTING_TRANSACTIONS": "8"])
        #expect(set.groupCommit == GroupCommitSettings(batchSize: 1, concurrentTransactions: 8))
        for (name, bad) in [("SUPPORT_ROUTING_BATCH_SIZE", "0"), ("SUPPORT_ROUTING_TRANSACTIONS", "x")] {
            let error = try #require(throws: GroupCommitSettingsError.self) { try RoutingConfiguration(environment: [name: bad]) }
            #expect(error.message.hasPrefix("\(name): a whole number from 1 to "))
        }
    }
}
