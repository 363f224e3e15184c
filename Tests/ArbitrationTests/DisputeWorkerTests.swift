import Arbitration
import Foundation
import JobQueue
import SupportDomain
import SupportSchema
import SupportStore
import Testing

/// The arbitration worker's jobs on real PostgreSQL, run in process: the respondent's silence, the
/// draw with its conflicts of interest, recusal, the owners' second approval, idempotent redelivery.
struct DisputeWorkerTests {
    /// Nobody answers the payout webhook in these tests: payouts fail and raise an incident.
    static func handler(_ env: ArbitrationEnv) -> DisputeHandler { DisputeHandler(queue: env.queue) }

    @Test func theRespondentsSilenceSendsTheDisputeToReviewFlaggedWithAnArbiterDrawn() async throws {
        try await ArbitrationEnv.with { env in
            let arbiter = try await env.staff("arb@desk", roles: [.arbiter])
            let buyer = try await env.requester("Buyer", telegram: 1001)
            let seller = try await env.requester("Seller", telegram: 1002)
            let dispute = try await env.open(try await env.deal(buyer: buyer, seller: seller), by: buyer)
            #expect(try await env.drain(Self.handler(env)) == [.open])
            #expect(try await env.state(dispute) == .awaitingResponse)
            // The respondent is told on Telegram.
            #expect(try await env.sql.int(
                "SELECT count(*)::int FROM notification WHERE recipient_requester_id = \(seller) AND channel = 'telegram' AND address = '1002'") == 1)

            try await env.passDeadline(dispute)
            #expect(try await env.drain(Self.handler(env)) == [.deadline, .assignArbiter])
            let row = try await env.row(dispute)
            #expect(row.record.state == .underReview)
            #expect(row.record.flagged)
            #expect(row.flagReason == "no response from the respondent")
            #expect(row.record.arbiter == arbiter)
            // The dispute ticket follows the seat.
            #expect(try await env.sql.int("SELECT assignee_id::int FROM ticket WHERE id = \(row.ticketID!)") == Int(arbiter.rawValue))
            #expect(try await env.sql.int("SELECT count(*)::int FROM audit_log WHERE action = 'dispute.deadline_missed'") == 1)
        }
    }

    @Test func theDrawExcludesEveryConflictOfInterest() async throws {
        try await ArbitrationEnv.with { env in
            let buyer = try await env.requester("Buyer", telegram: 2001)
            let seller = try await env.requester("Seller", telegram: 2002)
            // Handled the buyer's ticket last week.
            let handledTicket = try await env.staff("ticket@desk", roles: [.arbiter])
            try await env.sql.exec(
                "INSERT INTO ticket (requester_id, channel, subject, assignee_id) VALUES (\(buyer), 'web', 'old', \(handledTicket))")
            // Banned the seller last month.
            let punished = try await env.staff("moderated@desk", roles: [.arbiter, .moderator])
            try await env.sql.exec(
                """
                INSERT INTO punishment (requester_id, chat_id, kind, issued_by_staff_id, issued_at)
                VALUES (\(seller), 'chat-1', 'ban', \(punished), now() - interval '30 days')
                """)
            // Is the seller (same Telegram account).
            _ = try await env.staff("seller-himself@desk", roles: [.arbiter], telegram: 2002)
            // Did a deal with the buyer through their own account.
            _ = try await env.staff("dealer@desk", roles: [.arbiter], telegram: 2003)
            let dealerAccount = try await env.requester("Dealer", telegram: 2003)
            _ = try await env.deal(buyer: buyer, seller: dealerAccount, ref: "G-old")
            // Away, and an old (outside 90 days) punishment does not count.
            let away = try await env.staff("away@desk", roles: [.arbiter])
            try await env.sql.exec("UPDATE staff SET is_away = true WHERE id = \(away)")
            let clean = try await env.staff("clean@desk", roles: [.arbiter])
            try await env.sql.exec(
                """
                INSERT INTO punishment (requester_id, chat_id, kind, issued_by_staff_id, issued_at)
                VALUES (\(seller), 'chat-1', 'warning', \(clean), now() - interval '200 days')
                """)
            let dispute = try await env.open(try await env.deal(buyer: buyer, seller: seller), by: buyer)
            try await env.drain(Self.handler(env))
            try await env.act(.respond, by: .requester(seller), on: dispute)
            try await env.act(.moveToEvidence, by: .requester(buyer), on: dispute)
            try await env.drain(Self.handler(env))
            #expect(try await env.row(dispute).record.arbiter == clean)

            // The only eligible arbiter recuses: nobody is left, so the owners are told and it is flagged.
            let owner = try await env.staff("owner@desk", roles: [.owner])
            try await env.act(.recuse(reason: "I know the seller"), by: .staff(clean, roles: [.arbiter]), role: .arbiter, on: dispute)
            try await env.drain(Self.handler(env))
            let row = try await env.row(dispute)
            #expect(row.record.arbiter == nil)
            #expect(row.record.recused == [clean])
            #expect(row.record.flagged)
            #expect(try await env.sql.int(
                "SELECT count(*)::int FROM notification WHERE recipient_staff_id = \(owner) AND payload->>'text' LIKE '%needs an owner%'") >= 1)
            // Redelivering the draw changes nothing and tells nobody twice.
            let before = try await env.sql.int("SELECT count(*)::int FROM notification")
            try await Self.handler(env).handle(DisputeJob(disputeID: dispute, event: .assignArbiter, state: .evidence, generation: row.record.generation))
            #expect(try await env.sql.int("SELECT count(*)::int FROM notification") == before)
            // An owner assigns by hand.
            try await env.act(.assignArbiter(owner, roles: [.owner]), by: .staff(owner, roles: [.owner]), role: .owner, on: dispute)
            #expect(try await env.row(dispute).record.arbiter == owner)
        }
    }
}
