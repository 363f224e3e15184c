import Foundation
@testable import Routing
import SupportSchema
import SupportTesting
import Testing

/// Duplicate reports from different people become one incident at L2, and every agent hears of it.
struct IncidentTests {
    @Test func twoRequestersReportingOneOutageMakeOneIncident() async throws {
        try await RoutingEnv.with { env in
            let first = try await env.route("Бот не отвечает на команды, гарант завис, сделка стоит", from: "ivan@example.com")
            #expect(first.incident == nil)
            let second = try await env.route("бот не отвечает уже полчаса, гарант молчит", from: "sveta@example.com")
            let incident = try #require(second.incident)
            #expect(second.openedIncident)

            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE is_incident") == 1)
            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE parent_incident_id = \(incident)") == 2)
            #expect(try await env.sql.string("SELECT line || '/' || status FROM ticket WHERE id = \(incident)") == "l2/escalated")
            // "The bot does not answer" is an outage phrase: the reports are critical, so is the incident.
            #expect(try await env.sql.string("SELECT priority FROM ticket WHERE id = \(incident)") == "critical")
            let kirill = try await env.staff("kirill@demo.local")
            #expect(try await env.sql.int("SELECT assignee_id::int FROM ticket WHERE id = \(incident)") == Int(kirill.rawValue))
            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE id = \(incident) AND requester_id IS NULL") == 1)
            // Anna, Boris and Alina are the agents on shift.
            #expect(try await env.sql.int("SELECT count(*)::int FROM notification WHERE template = 'incident_broadcast' AND ticket_id = \(incident)") == 3)
            #expect(try await env.events(first.ticketID, "linked") == 1)
            #expect(try await env.events(incident, "escalated") == 1)

            let russianThird = try await env.route("Бот не отвечает, что с гарантом?", from: "third@example.com")
            #expect(russianThird.incident == incident && !russianThird.openedIncident)
            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE is_incident") == 1)
        }
    }

    @Test func fiveReportersMakeItCritical() async throws {
        try await RoutingEnv.with { env in
            var incident: TicketID?
            for n in 1...5 {
                let outcome = try await env.route("Выплаты не приходят, вывод средств завис", from: "user\(n)@example.com")
                incident = outcome.incident ?? incident
            }
            let id = try #require(incident)
            #expect(try await env.sql.string("SELECT priority FROM ticket WHERE id = \(id)") == "critical")
            #expect(try await env.events(id, "priority_changed") == 1)
        }
    }

    /// Joins take no detection lock but take turns on the incident's row: four reporters joining at once
    /// still add up to critical.
    @Test func reportersJoiningAtOnceStillMakeItCritical() async throws {
        try await RoutingEnv.with { env in
            let text = "Выплаты не приходят, вывод средств завис"
            _ = try await env.route(text, from: "first@example.com")
            let incident = try #require(try await env.route(text, from: "second@example.com").incident)
            var tickets: [TicketID] = []
            for n in 3...6 { tickets.append(try await env.submit(text, from: "user\(n)@example.com")) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for ticket in tickets { group.addTask { _ = try await env.routing.process(ticketID: ticket, reason: .new) } }
                try await group.waitForAll()
            }
            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE parent_incident_id = \(incident)") == 6)
            #expect(try await env.sql.string("SELECT priority FROM ticket WHERE id = \(incident)") == "critical")
        }
    }

    /// A critical incident cannot be raised, so a report joins it without its row lock: a large outage's
    /// reports do not take turns on one row.
    @Test func aReportJoiningACriticalIncidentDoesNotWaitForItsRow() async throws {
        try await RoutingEnv.with { env in
            _ = try await env.route("Бот не отвечает на команды, гарант завис, сделка стоит", from: "ivan@example.com")
            let incident = try #require(try await env.route("бот не отвечает уже полчаса, гарант молчит", from: "sveta@example.com").incident)
            #expect(try await env.sql.string("SELECT priority FROM ticket WHERE id = \(incident)") == "critical")
            let third = try await env.submit("Бот не отвечает, что с гарантом?", from: "third@example.com")
            let outcome = try await env.client.withConnection { holder in
                try await holder.query("BEGIN", logger: env.logger)
                try await holder.query("SELECT 1 FROM ticket WHERE id = \(incident.rawValue) FOR NO KEY UPDATE", logger: env.logger)
                let first = try await withThrowingTaskGroup(of: RoutingOutcome??.self) { group in
                    group.addTask { .some(try await env.routing.process(ticketID: third, reason: .new)) }
                    group.addTask {
                        do { try await Task.sleep(for: .seconds(10)) } catch { return nil }
                        // Routing waits for the row: let it go, so that the test fails rather than hangs.
                        try await holder.query("COMMIT", logger: env.logger)
                        return nil
                    }
                    let first = try await group.next() ?? nil
                    group.cancelAll()
                    try await group.waitForAll()
                    return first
                }
                if first != nil { try await holder.query("COMMIT", logger: env.logger) }
                return first
            }
            let joined = try #require(outcome, "routing waited for the incident's row")
            #expect(joined?.incident == incident)
            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE parent_incident_id = \(incident)") == 3)
            #expect(try await env.events(third, "linked") == 1)
        }
    }

    @Test func theSamePersonTwiceOrDifferentProblemsAreNoIncident() async throws {
        try await RoutingEnv.with { env in
            _ = try await env.route("Бот гарант не отвечает на команды", from: "ivan@example.com")
            _ = try await env.route("Бот гарант не отвечает на команды, повторяю", from: "ivan@example.com")
            _ = try await env.route("Не могу войти на сайт, код подтверждения не приходит", from: "sveta@example.com")
            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE is_incident") == 0)
        }
    }

    @Test func concurrentReportsStillMakeExactlyOneIncident() async throws {
        try await RoutingEnv.with { env in
            var tickets: [TicketID] = []
            for n in 1...4 { tickets.append(try await env.submit("бот не отвечает, гарант завис", from: "c\(n)@example.com")) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for ticket in tickets { group.addTask { _ = try await env.routing.process(ticketID: ticket, reason: .new) } }
                try await group.waitForAll()
            }
            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE is_incident") == 1)
            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE parent_incident_id IS NOT NULL") == 4)
        }
    }

    /// Different wordings of one outage (a terse one among them), routed at once with another technical
    /// report that shares one word with each: the similar ones take turns under the word locks and make
    /// one incident; the other joins nothing.
    @Test func concurrentDifferentWordingsMakeOneIncidentAndLeaveTheUnrelatedOut() async throws {
        try await RoutingEnv.with { env in
            let texts = ["бот не отвечает, гарант завис", "гарант завис, ошибка", "гарант завис и бот не отвечает уже час",
                         "бот показывает ошибка в курсе"]
            var tickets: [TicketID] = []
            for (n, text) in texts.enumerated() { tickets.append(try await env.submit(text, from: "w\(n)@example.com")) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for ticket in tickets { group.addTask { _ = try await env.routing.process(ticketID: ticket, reason: .new) } }
                try await group.waitForAll()
            }
            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE is_incident") == 1)
            let linked = try await env.sql.int(
                "SELECT count(*)::int FROM ticket WHERE parent_incident_id IS NOT NULL AND id = ANY('{\(tickets.prefix(3).map { "\($0.rawValue)" }.joined(separator: ","))}')")
            #expect(linked == 3)
            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE id = \(tickets[3].rawValue) AND category = 'technical' AND parent_incident_id IS NULL") == 1)
        }
    }
}
