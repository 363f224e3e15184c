import Foundation
@testable import Routing
import SupportSchema
import SupportTesting
import Testing

/// The routing handler on real PostgreSQL with the demo desk: who gets what, and what is written.
struct RoutingHandlerTests {
    @Test func aPaymentQuestionGoesToAnAgentWithThePaymentsSkill() async throws {
        try await RoutingEnv.with { env in
            let outcome = try await env.route("Где мой вывод? Деньги не пришли на карту уже два дня", from: "ivan@example.com")
            #expect(outcome.category == .payment)
            #expect(outcome.line == .l1)
            let anna = try await env.staff("anna@demo.local")
            #expect(outcome.assignee == anna, "Anna and Boris have the skill, tie on load, lowest id first")
            let t = outcome.ticketID
            #expect(try await env.sql.string("SELECT t.name FROM ticket JOIN team t ON t.id = ticket.team_id WHERE ticket.id = \(t)") == "Support")
            #expect(try await env.events(t, "classified") == 1)
            #expect(try await env.events(t, "routed") == 1)
            #expect(try await env.events(t, "assigned") == 1)
            #expect(try await env.sql.string("SELECT classification->'route'->>'why' FROM ticket WHERE id = \(t)")?.hasPrefix("payment: L1 agents") == true)
            #expect(try await env.sql.int("SELECT jsonb_array_length(classification->'hits')::int FROM ticket WHERE id = \(t)") >= 1)
            #expect(try await env.sql.int(
                "SELECT count(*)::int FROM notification WHERE recipient_staff_id = \(anna) AND template = 'assigned' AND channel = 'in_app'") == 1)
            #expect(try await env.sql.int("SELECT count(*)::int FROM job WHERE kind = 'notify' AND convert_from(payload, 'UTF8')::jsonb->>'ticket_id' = '\(t)'") >= 2)
            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE id = \(t) AND assigned_at IS NOT NULL") == 1)

            let next = try await env.route("Не пришла выплата по выводу средств", from: "john@example.com")
            #expect(next.assignee == (try await env.staff("boris@demo.local")), "Anna now has one ticket: Boris is least loaded")
        }
    }

    /// The process keeps the desk settings between jobs and reads their version with the ticket row: a
    /// change committed after one routing must decide the next.
    @Test func anAbsenceAddedAfterARoutingDecidesTheNext() async throws {
        try await RoutingEnv.with { env in
            let (anna, boris) = (try await env.staff("anna@demo.local"), try await env.staff("boris@demo.local"))
            #expect(try await env.route("Где мой вывод? Деньги не пришли на карту уже два дня", from: "ivan@example.com").assignee == anna)
            // Boris, now the least loaded, is away from that Monday (the loader skips periods ended by the real clock).
            try await env.sql.exec(
                """
                INSERT INTO staff_shift (staff_id, starts_at, ends_at, available)
                VALUES (\(boris), '2026-11-23 00:00+05', now() + interval '1 day', false)
                """)
            let next = try await env.route("Не пришла выплата по выводу средств", from: "john@example.com")
            #expect(next.assignee == anna, "the absence committed after the settings were cached")
        }
    }

    @Test func runningAJobTwiceChangesNothing() async throws {
        try await RoutingEnv.with { env in
            let first = try await env.route("Как открыть сделку через гаранта?", from: "ivan@example.com")
            let before = try await env.sql.int("SELECT count(*)::int FROM ticket_event") + 1000 * (try await env.sql.int("SELECT count(*)::int FROM notification"))
            let again = try #require(try await env.routing.process(ticketID: first.ticketID, reason: .new))
            let after = try await env.sql.int("SELECT count(*)::int FROM ticket_event") + 1000 * (try await env.sql.int("SELECT count(*)::int FROM notification"))
            #expect(again.assignee == first.assignee && again.category == first.category)
            #expect(after == before + 1, "only one more `routed` entry; no second assignment or notification")
        }
    }

    @Test func anAppealNeverGoesToTheModeratorWhoPunished() async throws {
        try await RoutingEnv.with { env in
            // John is muted by Maxim in the demo data.
            let outcome = try await env.route("Please unmute me, the mute was unfair, I only posted once", from: "john@example.com")
            #expect(outcome.category == .moderationAppeal)
            #expect(outcome.assignee == (try await env.staff("maria@demo.local")))
            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE id = \(outcome.ticketID) AND punishment_id IS NOT NULL") == 1)
        }
    }

    @Test func aSecondAppealOnADecidedPunishmentGoesToTheOwners() async throws {
        try await RoutingEnv.with { env in
            let first = try await env.route("Please unmute me, the mute was unfair, I only posted once", from: "john@example.com")
            let maria = try await env.staff("maria@demo.local")
            try await env.sql.exec(
                """
                INSERT INTO punishment_appeal_decision (punishment_id, ticket_id, round, decided_by_staff_id, outcome, reasons)
                SELECT punishment_id, id, 1, \(maria), 'uphold', 'the rules were clear' FROM ticket WHERE id = \(first.ticketID)
                """)
            try await env.sql.exec("UPDATE ticket SET status = 'resolved', resolved_at = now() WHERE id = \(first.ticketID)")
            let second = try await env.route("I appeal again: unmute me, the decision was wrong", from: "john@example.com")
            #expect(second.ticketID != first.ticketID)
            #expect(second.category == .moderationAppeal)
            #expect(second.line == .l3)
            #expect(second.assignee == (try await env.staff("owner@demo.local")))
        }
    }

    @Test func aComplaintNeverReachesTheOwnerItNames() async throws {
        try await RoutingEnv.with { env in
            let ticket = try await env.submit("Жалоба на администрацию: владелец хамит и удаляет сообщения", from: "ivan@example.com")
            let olga = try await env.staff("owner@demo.local")
            try await env.sql.exec("UPDATE ticket SET named_staff_id = \(olga) WHERE id = \(ticket)")
            let outcome = try #require(try await env.routing.process(ticketID: ticket, reason: .new))
            #expect(outcome.category == .complaint)
            #expect(outcome.line == .l3)
            #expect(outcome.assignee == nil, "the only owner is the one named")
            #expect(try await env.sql.string("SELECT data->>'assignment' FROM ticket_event WHERE ticket_id = \(ticket) AND type = 'routed'")?.contains("excluded for conflict of interest") == true)
        }
    }

    @Test func aComplaintNamingTheOwnerInItsTextIsKeptFromThem() async throws {
        try await RoutingEnv.with { env in
            let outcome = try await env.route("Жалоба на администрацию: Olga Owner хамит и удаляет мои сообщения", from: "ivan@example.com")
            #expect(outcome.category == .complaint)
            #expect(outcome.assignee == nil, "the only owner is the one named")
            let olga = try await env.staff("owner@demo.local")
            #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE id = \(outcome.ticketID) AND named_staff_id = \(olga)") == 1)
        }
    }

    @Test func awayStaffAndStaffWhoAreTheRequesterAreSkipped() async throws {
        try await RoutingEnv.with { env in
            try await env.sql.exec("UPDATE staff SET is_away = true WHERE email = 'anna@demo.local'")
            // Boris is also the requester writing in: a party to his own ticket.
            try await env.sql.exec("UPDATE staff SET email = 'boris.home@example.com' WHERE email = 'boris@demo.local'")
            let outcome = try await env.route("Как работает гарант?", from: "boris.home@example.com")
            #expect(outcome.category == .question)
            #expect(outcome.assignee == (try await env.staff("alina@demo.local")), "\(outcome)")
        }
    }

    @Test func aReturningRequesterGetsTheirPreviousAgent() async throws {
        try await RoutingEnv.with { env in
            let first = try await env.route("Как работает гарант?", from: "john@example.com")
            _ = try await env.route("Как открыть сделку?", from: "ivan@example.com")
            try await env.sql.exec("UPDATE ticket SET status = 'resolved', resolved_at = now() WHERE id = \(first.ticketID)")
            let again = try await env.route("Another question: how do I open a deal?", from: "john@example.com")
            #expect(again.assignee == first.assignee)
        }
    }

    @Test func outOfHoursTheNextShiftTakesItAndTheRequesterIsToldWhen() async throws {
        // Friday 27 November 2026, 22:00 Yekaterinburg: the desk has just closed.
        let friday = Date(timeIntervalSince1970: 1_795_417_200 + 4 * 86_400 + 10 * 3600)
        try await RoutingEnv.with(now: friday) { env in
            let outcome = try await env.route("Как открыть сделку через гаранта?", from: "ivan@example.com")
            #expect(outcome.assignee != nil)
            let t = outcome.ticketID
            #expect(try await env.sql.string("SELECT data->>'next_shift_from' FROM ticket_event WHERE ticket_id = \(t) AND type = 'assigned'") == "2026-11-30T05:00:00Z")
            #expect(try await env.sql.string("SELECT data->>'answer_from' FROM ticket_event WHERE ticket_id = \(t) AND type = 'routed'") == "2026-11-30T05:00:00Z")
            #expect(try await env.sql.int("SELECT count(*)::int FROM notification WHERE ticket_id = \(t) AND template = 'ack'") == 1)
        }
    }

    @Test func disputesGoToArbitersAndTechnicalProblemsToL1WithL2Watching() async throws {
        try await RoutingEnv.with { env in
            let dispute = try await env.route("Продавец по сделке G-1001 не передал канал, деньги у гаранта, прошу арбитраж", from: "ivan@example.com")
            #expect(dispute.category == .dispute)
            #expect(try await env.sql.string("SELECT t.name FROM ticket JOIN team t ON t.id = team_id WHERE ticket.id = \(dispute.ticketID)") == "Arbitration")
            let arbiters = [try await env.staff("arkady@demo.local"), try await env.staff("alina@demo.local")]
            #expect(dispute.assignee.map(arbiters.contains) == true)

            let bug = try await env.route("When I press the confirm button I get an error", from: "john@example.com")
            #expect(bug.category == .technical)
            #expect(bug.line == .l1)
            #expect(try await env.sql.string("SELECT classification->'route'->>'watchers' FROM ticket WHERE id = \(bug.ticketID)") == #"["l2"]"#)
        }
    }

    @Test func theRequestersMenuChoiceCounts() async throws {
        try await RoutingEnv.with { env in
            let ticket = try await env.submit("У меня проблема, помогите", from: "ivan@example.com", category: .dispute)
            let outcome = try #require(try await env.routing.process(ticketID: ticket, reason: .new))
            #expect(outcome.category == .dispute)
        }
    }
}
