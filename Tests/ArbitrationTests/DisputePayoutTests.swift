import Arbitration
import Foundation
import JobQueue
import SupportDomain
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// Payouts against a local HTTP server standing in for the guarantor bot: the threshold's second
/// approval, one idempotency key across retries, and the L2 incident of a failed payout.
struct DisputePayoutTests {
    /// Takes a dispute between two fresh parties to `decided` by `arbiter`, ruling `outcome`.
    static func decided(
        _ env: ArbitrationEnv, handler: DisputeHandler, amount: String, arbiter: StaffID, roles: Set<Role>,
        outcome: DisputeDecision.Outcome = .refundBuyer
    ) async throws -> DisputeID {
        let buyer = try await env.requester("Buyer", telegram: 3001)
        let seller = try await env.requester("Seller", telegram: 3002)
        let dispute = try await env.open(try await env.deal(buyer: buyer, seller: seller, amount: amount), by: buyer)
        try await env.drain(handler)
        try await env.act(.respond, by: .requester(seller), on: dispute)
        try await env.act(.moveToEvidence, by: .requester(seller), on: dispute)
        try await env.drain(handler)
        let seat = try await env.row(dispute).record.arbiter
        if seat == nil {
            try await env.act(.assignArbiter(arbiter, roles: roles), by: .system, on: dispute)
        }
        try await env.act(.submitForReview, by: .staff(arbiter, roles: roles), role: roles.first, on: dispute)
        try await env.act(.decide(outcome, reasons: "the goods never arrived"), by: .staff(arbiter, roles: roles),
                          role: roles.first, on: dispute)
        return dispute
    }

    @Test func aPayoutAboveTheThresholdWaitsForASecondOwnerAndIsSentOnceConfirmed() async throws {
        try await StubHTTPServer.with { guarantor, url in
            try await ArbitrationEnv.with { env in
                let handler = DisputeHandler(
                    queue: env.queue, configuration: ArbitrationConfiguration(guarantorWebhook: URL(string: "\(url)/payout")!))
                let decider = try await env.staff("owner-a@desk", roles: [.owner])
                let second = try await env.staff("owner-b@desk", roles: [.owner])
                let dispute = try await Self.decided(env, handler: handler, amount: "5000", arbiter: decider, roles: [.owner])
                #expect(try await env.drain(handler) == [.delivered])
                #expect(try await env.state(dispute) == .appealWindow)
                // Nobody appeals: the window closes and the ruling stands, but 5000 > 1000 needs approval.
                try await env.passDeadline(dispute)
                try await env.drain(handler)
                #expect(try await env.state(dispute) == .executing)
                #expect(guarantor.requests.withLock { $0.isEmpty }, "nothing is paid before the approval")
                #expect(try await env.sql.int(
                    "SELECT count(*)::int FROM notification WHERE recipient_staff_id = \(second) AND payload->>'text' LIKE '%needs an owner''s approval%'") >= 1)

                // The decider cannot approve their own ruling.
                await #expect(throws: DisputeTransitionError.self) {
                    try await env.act(.approvePayout, by: .staff(decider, roles: [.owner]), role: .owner, on: dispute)
                }
                try await env.act(.approvePayout, by: .staff(second, roles: [.owner]), role: .owner, on: dispute)
                #expect(try await env.drain(handler) == [.execute])
                let row = try await env.row(dispute)
                #expect(row.record.state == .closed)
                #expect(row.record.payoutApprovedBy == second)
                let sent = guarantor.requests.withLock { $0 }
                #expect(sent.count == 1)
                #expect(sent.first?.headers[.init("Idempotency-Key")!] == "dispute-\(dispute)-payout")
                #expect(sent.first?.body.contains(#""outcome":"refund_buyer""#) == true)
                #expect(try await env.sql.string("SELECT status FROM deal") == "cancelled")
            }
        }
    }

    @Test func aFailedPayoutRaisesOneIncidentAndRetriesWithTheSameKey() async throws {
        try await StubHTTPServer.with { guarantor, url in
            try await ArbitrationEnv.with { env in
                guarantor.replies.withLock { $0 = [(500, #"{"error": "wallet locked"}"#), (503, "busy")] }
                let handler = DisputeHandler(
                    queue: env.queue, configuration: ArbitrationConfiguration(guarantorWebhook: URL(string: "\(url)/payout")!))
                let arbiter = try await env.staff("arb@desk", roles: [.arbiter])
                let coder = try await env.staff("coder@desk", roles: [.coder])
                let dispute = try await Self.decided(env, handler: handler, amount: "50", arbiter: arbiter, roles: [.arbiter],
                                                     outcome: .split(sellerPercent: 30))
                try await env.drain(handler)
                try await env.passDeadline(dispute)
                try await env.drain(handler)  // appeal window closes; first attempt fails
                #expect(try await env.state(dispute) == .executing)
                for _ in 0..<2 {
                    try await env.passDeadline(dispute)  // the retry is scheduled after a back-off
                    try await env.drain(handler)
                }
                let row = try await env.row(dispute)
                #expect(row.record.state == .closed)
                #expect(row.executionAttempts == 2)
                let keys = Set(guarantor.requests.withLock { $0.compactMap { $0.headers[.init("Idempotency-Key")!] } })
                #expect(keys == ["dispute-\(dispute)-payout"])
                #expect(guarantor.requests.withLock { $0.count } == 3)
                #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE is_incident AND line = 'l2'") == 1)
                #expect(try await env.sql.int("SELECT count(*)::int FROM notification WHERE recipient_staff_id = \(coder) AND template = 'incident'") >= 1)
                #expect(try await env.sql.int("SELECT count(*)::int FROM job_dead") == 0)
            }
        }
    }

    @Test func theAuditChainHoldsEveryTransitionAndDetectsAModifiedRow() async throws {
        try await ArbitrationEnv.with { env in
            let handler = DisputeHandler(queue: env.queue)
            let arbiter = try await env.staff("arb@desk", roles: [.arbiter])
            let dispute = try await Self.decided(env, handler: handler, amount: "10", arbiter: arbiter, roles: [.arbiter])
            let actions = try await env.sql.strings(
                "SELECT action FROM audit_log WHERE target_type = 'dispute' AND target_id = \(dispute) ORDER BY id")
            #expect(actions == ["dispute.request_response", "dispute.respond", "dispute.move_to_evidence", "dispute.assign_arbiter",
                                "dispute.submit_for_review", "dispute.decide"])
            let intact = try await env.client.withConnection { try await AuditLog(connection: $0, logger: env.logger).verifyChain() }
            #expect(intact.isIntact)
            // Someone with table access rewrites the ruling's audit row.
            try await env.sql.exec("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
            try await env.sql.exec(
                "UPDATE audit_log SET after = jsonb_set(after, '{outcome}', '\"release_seller\"') WHERE action = 'dispute.decide'")
            let broken = try await env.client.withConnection { try await AuditLog(connection: $0, logger: env.logger).verifyChain() }
            #expect(!broken.isIntact)
        }
    }
}
