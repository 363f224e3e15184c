import Foundation
import JobQueue
import SupportDomain
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// A whole dispute through a real `support worker arbitration` process and a local HTTP server
/// standing in for the guarantor bot: the respondent's silence (timeout default), a ruling, an appeal
/// to a second arbiter, a final ruling, and a payout that fails once and then goes through.
struct DisputeProcessTests {
    @Test(.timeLimit(.minutes(10)))
    func aDisputeRunsToItsPayoutThroughTheArbitrationWorker() async throws {
        try await StubHTTPServer.with { guarantor, url in
            guarantor.replies.withLock { $0 = [(502, "bad gateway")] }
            try await ArbitrationEnv.with { env in
                let first = try await env.staff("first@desk", roles: [.arbiter])
                let buyer = try await env.requester("Buyer", telegram: 4001)
                let seller = try await env.requester("Seller", telegram: 4002)
                let dispute = try await env.open(try await env.deal(buyer: buyer, seller: seller), by: buyer)

                let worker = try LiveProcess(
                    BuiltProducts.support, ["worker", "arbitration", "--http-port", "0"],
                    environment: ["DATABASE_URL": env.settings.url, "GUARANTOR_WEBHOOK_URL": "\(url)/payout"])
                defer { worker.signal(SIGKILL) }
                _ = try await worker.waitForLine { $0.contains("worker serving /health") }

                func reach(_ state: DisputeState, _ step: String) async throws {
                    let deadline = ContinuousClock.now + .seconds(90)
                    while ContinuousClock.now < deadline, try await env.state(dispute) != state {
                        try await Task.sleep(for: .milliseconds(100))
                    }
                    #expect(try await env.state(dispute) == state, "\(step): \(worker.output.suffix(8))")
                }
                func seated(appeal: Bool) async throws -> StaffID? {
                    let deadline = ContinuousClock.now + .seconds(90)
                    while ContinuousClock.now < deadline {
                        let record = try await env.row(dispute).record
                        if let seat = appeal ? record.appealArbiter : record.arbiter { return seat }
                        try await Task.sleep(for: .milliseconds(100))
                    }
                    return nil
                }

                try await reach(.awaitingResponse, "the worker asks the respondent")
                try await env.passDeadline(dispute)
                try await reach(.underReview, "silence sends it to review")
                #expect(try await seated(appeal: false) == first)
                #expect(try await env.row(dispute).record.flagged)

                try await env.act(.decide(.refundBuyer, reasons: "no delivery proof"), by: .staff(first, roles: [.arbiter]),
                                  role: .arbiter, on: dispute)
                try await reach(.appealWindow, "the ruling is delivered")
                let second = try await env.staff("second@desk", roles: [.arbiter])
                try await env.act(.appeal(reason: "I shipped it, here is the tracking"), by: .requester(seller), on: dispute)
                try await reach(.underReview, "the appeal goes to another arbiter")
                #expect(try await seated(appeal: true) == second)

                try await env.act(.decide(.releaseToSeller, reasons: "tracking shows delivery"), by: .staff(second, roles: [.arbiter]),
                                  role: .arbiter, on: dispute)
                try await reach(.executing, "the final ruling is executed")
                // The first payout attempt fails (502); the retry waits out its back-off, then goes through.
                let deadline = ContinuousClock.now + .seconds(90)
                while ContinuousClock.now < deadline, try await env.row(dispute).executionAttempts < 1 {
                    try await Task.sleep(for: .milliseconds(100))
                }
                try await reach(.executing, "still executing after the failure")
                try await env.passDeadline(dispute, event: .execute)
                try await reach(.closed, "the retried payout is confirmed")

                let sent = guarantor.requests.withLock { $0 }
                #expect(sent.count == 2)
                #expect(Set(sent.compactMap { $0.headers[.init("Idempotency-Key")!] }) == ["dispute-\(dispute)-payout"])
                #expect(sent.allSatisfy { $0.body.contains(#""outcome":"release_seller""#) })
                #expect(try await env.sql.int("SELECT count(*)::int FROM ticket WHERE is_incident AND line = 'l2'") == 1)
                #expect(try await env.sql.string("SELECT status FROM deal") == "completed")
                #expect(try await env.sql.int("SELECT count(*)::int FROM job_dead") == 0)
                let report = try await env.client.withConnection { try await AuditLog(connection: $0, logger: env.logger).verifyChain() }
                #expect(report.isIntact)
            }
        }
    }
}
