import Foundation
@testable import Intake
import Logging
import PostgresNIO
@testable import Routing
import SupportSchema
import SupportStore
import Testing

/// The statements every ticket runs with an array of ids are planned once per connection, not on every
/// run (``RepeatedStatement``): PostgreSQL keeps its generic plan only when no custom plan looks cheaper,
/// and one made for a one-element array always did.
struct PlanCacheTests {
    @Test func theTicketAndItemStatementsKeepAGenericPlanAfterFiveRuns() async throws {
        try await RoutingEnv.with { env in
            var tickets: [TicketID] = []
            for n in 1...3 { tickets.append(try await env.submit("Вопрос по правилам \(n)", from: "q\(n)@example.com")) }
            let items = try await env.sql.strings("SELECT id::text FROM inbound_item ORDER BY id").compactMap { Int64($0).map { InboundItemID($0) } }
            // A connection of its own: every statement prepared on it is one of the four.
            let connection = try await PostgresConnection.connect(
                configuration: env.db.settings.connectionConfiguration, id: 1, logger: env.logger)
            let plans: [String: (generic: Int, custom: Int)]
            do {
                plans = try await Self.runEightTimes(tickets: tickets, items: items, on: connection, logger: env.logger)
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
            #expect(plans.count == 4, "\(plans.keys)")
            for (statement, counts) in plans {
                #expect(counts.custom == 5 && counts.generic == 3, "\(counts) for \(statement)")
            }
        }
    }

    /// Locks and loads a ticket and an inbound item, and marks the item, eight times (rolled back); returns
    /// the plan counts of the connection's prepared statements.
    static func runEightTimes(tickets: [TicketID], items: [InboundItemID], on connection: PostgresConnection, logger: Logger)
        async throws -> [String: (generic: Int, custom: Int)]
    {
        for run in 0..<8 {
            let ticket = tickets[run % tickets.count], item = items[run % items.count]
            try await connection.query("BEGIN", logger: logger)
            #expect(try await RoutingTicket.lock([ticket], on: connection, logger: logger)[ticket] != nil)
            #expect(try await TicketSLAHistory.load([ticket], on: connection, logger: logger)[ticket] != nil)
            #expect(try await InboundItemRow.lock([item], on: connection, logger: logger)[item] != nil)
            try await InboundItemRow.mark([(item, .ignored(reason: "plan test"))], on: connection, logger: logger)
            try await connection.query("ROLLBACK", logger: logger)
        }
        var plans: [String: (generic: Int, custom: Int)] = [:]
        let rows = try await connection.query(
            "SELECT statement, generic_plans::int, custom_plans::int FROM pg_prepared_statements", logger: logger)
        for try await (statement, generic, custom) in rows.decode((String, Int, Int).self) { plans[statement] = (generic, custom) }
        return plans
    }
}
