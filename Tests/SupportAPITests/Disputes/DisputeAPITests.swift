import Foundation
import SupportSchema
import Testing

/// Deals, disputes and evidence over HTTP: idempotent registration, the deposit before the start,
/// who may open, see and move a dispute, and who sees which evidence.
struct DisputeAPITests {
    static let deal = """
        {"external_ref": "G-77", "buyer": {"telegram_id": "9001", "name": "Bob"}, "seller": {"telegram_id": "9002"},
         "amount": "1500.50", "currency": "USDT", "terms": "a used phone", "deposit_required": true, "deposit_amount": "150"}
        """

    @Test func theGuarantorBotRegistersADealOnceAndItStartsOnlyWithTheDeposit() async throws {
        try await AuthFixture.with { app in
            try await app.staff("bot@guarantor.example", roles: [.agent])
            let bot = try await app.login("bot@guarantor.example")
            let created = try await app.call(.post, "/api/v1/deals", token: bot, json: Self.deal)
            #expect(created.status == .created, "\(created.body)")
            let id = try #require(created.json["id"] as? Int)
            #expect(created.json["amount"] as? String == "1500.5")
            #expect(created.json["deposit_status"] as? String == "pending")
            // The same registration again: the same deal; other content under the same reference: 409.
            let again = try await app.call(.post, "/api/v1/deals", token: bot, json: Self.deal)
            #expect(again.status == .ok && again.json["id"] as? Int == id)
            let clash = try await app.call(.post, "/api/v1/deals", token: bot, json: Self.deal.replacingOccurrences(of: "1500.50", with: "9"))
            #expect(clash.status == .conflict && clash.errorCode == "deal_conflict")
            #expect(try await app.int("SELECT count(*) FROM requester") == 2, "parties created once, by Telegram id")

            let early = try await app.call(.post, "/api/v1/deals/\(id)/start", token: bot)
            #expect(early.status == .conflict && early.errorCode == "deposit_required", "\(early.body)")
            let held = try await app.call(.post, "/api/v1/deals/\(id)/deposit", token: bot, json: #"{"status": "held"}"#)
            #expect(held.json["deposit_status"] as? String == "held")
            let backwards = try await app.call(.post, "/api/v1/deals/\(id)/deposit", token: bot, json: #"{"status": "pending"}"#)
            #expect(backwards.status == .conflict)
            let started = try await app.call(.post, "/api/v1/deals/\(id)/start", token: bot)
            #expect(started.status == .ok && started.json["status"] as? String == "active")

            for (json, field) in [
                (Self.deal.replacingOccurrences(of: "\"1500.50\"", with: "\"-3\""), "amount"),
                (Self.deal.replacingOccurrences(of: "USDT", with: "usdt"), "currency"),
                (Self.deal.replacingOccurrences(of: #"{"telegram_id": "9002"}"#, with: #"{"telegram_id": "9002", "requester_id": 1}"#), "seller"),
            ] {
                let bad = try await app.call(.post, "/api/v1/deals", token: bot, json: json)
                #expect(bad.status == .badRequest && (bad.json["error"] as? [String: Any])?["message"].map { "\($0)" }?.hasPrefix(field) == true,
                        "\(bad.body)")
            }
            let actions = try await app.auditRows().map(\.action)
            #expect(actions.filter { $0.hasPrefix("deal.") } == ["deal.register", "deal.deposit", "deal.start"])
        }
    }

    @Test func onlyThePartiesOpenAndSeeADisputeAndTheMachineGuardsEachStep() async throws {
        try await AuthFixture.with { app in
            let buyer = try await app.requester("buyer@example.com")
            let seller = try await app.requester("seller@example.com")
            let stranger = try await app.requester("stranger@example.com")
            let arbiter = try await app.staff("arb@desk.example", roles: [.arbiter])
            try await app.staff("other-arb@desk.example", roles: [.arbiter])
            try await app.staff("owner@desk.example", roles: [.owner])
            let deal = try await app.int(
                """
                INSERT INTO deal (external_ref, buyer_id, seller_id, amount, currency, status, started_at)
                VALUES ('G-5', \(buyer.rawValue), \(seller.rawValue), 40, 'USDT', 'active', now()) RETURNING id
                """)
            let buyerToken = try await app.login("buyer@example.com", account: "requester")
            let sellerToken = try await app.login("seller@example.com", account: "requester")
            let strangerToken = try await app.login("stranger@example.com", account: "requester")
            let staffOpen = try await app.call(.post, "/api/v1/deals/\(deal)/disputes", token: try await app.login("owner@desk.example"),
                                               json: #"{"reason": "x"}"#)
            #expect(staffOpen.status == .forbidden)
            let strangerOpen = try await app.call(.post, "/api/v1/deals/\(deal)/disputes", token: strangerToken, json: #"{"reason": "x"}"#)
            #expect(strangerOpen.status == .notFound)
            let opened = try await app.call(.post, "/api/v1/deals/\(deal)/disputes", token: buyerToken, json: #"{"reason": "never arrived"}"#)
            #expect(opened.status == .created, "\(opened.body)")
            let id = try #require(opened.json["id"] as? Int)
            #expect(opened.json["state"] as? String == "opened")
            let twice = try await app.call(.post, "/api/v1/deals/\(deal)/disputes", token: sellerToken, json: #"{"reason": "me too"}"#)
            #expect(twice.status == .conflict && twice.errorCode == "dispute_open")
            #expect(try await app.int("SELECT count(*) FROM job WHERE queue = 'dispute'") == 1, "the worker's open job")

            // The worker asked the respondent and drew the arbiter.
            _ = try await app.client.query(
                "UPDATE dispute SET state = 'awaiting_response', arbiter_id = \(arbiter.rawValue), deadline_at = now() + interval '1 day'",
                logger: app.logger)
            #expect(try await app.call(.get, "/api/v1/disputes/\(id)", token: strangerToken).status == .notFound)
            #expect(try await app.call(.get, "/api/v1/disputes/\(id)", token: try await app.login("other-arb@desk.example")).status == .notFound)
            #expect(try await app.call(.get, "/api/v1/disputes/\(id)", token: try await app.login("arb@desk.example")).status == .ok)
            #expect(try await app.call(.get, "/api/v1/disputes/\(id)", token: sellerToken).json["accepts"] as? [String] != nil)

            let notYours = try await app.call(.post, "/api/v1/disputes/\(id)/actions", token: buyerToken, json: #"{"action": "respond"}"#)
            #expect(notYours.status == .forbidden && notYours.errorCode == "not_respondent", "\(notYours.body)")
            let unknown = try await app.call(.post, "/api/v1/disputes/\(id)/actions", token: buyerToken, json: #"{"action": "teleport"}"#)
            #expect(unknown.status == .badRequest)
            let missing = try await app.call(.post, "/api/v1/disputes/\(id)/actions", token: buyerToken, json: #"{"action": "appeal"}"#)
            #expect(missing.status == .badRequest && missing.errorCode == "missing_field")
            let responded = try await app.call(.post, "/api/v1/disputes/\(id)/actions", token: sellerToken, json: #"{"action": "respond"}"#)
            #expect(responded.json["state"] as? String == "negotiation", "\(responded.body)")
            let tooEarly = try await app.call(.post, "/api/v1/disputes/\(id)/actions", token: try await app.login("arb@desk.example"),
                                              json: #"{"action": "decide", "outcome": "refund_buyer", "reasons": "r"}"#)
            #expect(tooEarly.status == .conflict && tooEarly.errorCode == "wrong_state")
            let denials = try await app.int("SELECT count(*) FROM audit_log WHERE action = 'access.denied'")
            #expect(denials == 2, "the owner's opening and the claimant's response")
            #expect(try await app.int("SELECT count(*) FROM audit_log WHERE action = 'dispute.respond'") == 1)
        }
    }

    @Test func eachPartySeesItsOwnEvidenceAndWhatTheArbiterDiscloses() async throws {
        try await AuthFixture.with { app in
            let buyer = try await app.requester("buyer@example.com")
            let seller = try await app.requester("seller@example.com")
            let arbiter = try await app.staff("arb@desk.example", roles: [.arbiter])
            let fixture = try await DisputeFixture(app: app).deals(party: buyer, other: seller, arbiter: arbiter)
            let buyerToken = try await app.login("buyer@example.com", account: "requester")
            let sellerToken = try await app.login("seller@example.com", account: "requester")
            let arbiterToken = try await app.login("arb@desk.example")
            let path = "/api/v1/disputes/\(fixture.dispute)/evidence"
            let sellers = try await app.call(.post, path, token: sellerToken, json: """
                {"body": "tracking RR123", "files": [{"name": "label.jpg", "ref": "tg:file:abc", "sha256": "\(String(repeating: "ab", count: 32))"}]}
                """)
            #expect(sellers.status == .created, "\(sellers.body)")
            #expect(sellers.json["party"] as? String == "seller")
            #expect((sellers.json["content_sha256"] as? String)?.count == 64)
            let empty = try await app.call(.post, path, token: sellerToken, json: #"{"body": "   "}"#)
            #expect(empty.status == .badRequest)

            func seen(_ token: String) async throws -> [String] {
                let page = try await app.call(.get, path, token: token)
                return ((page.json["items"] as? [[String: Any]]) ?? []).compactMap { $0["body"] as? String }
            }
            #expect(try await seen(buyerToken) == ["my receipt"])
            #expect(try await seen(sellerToken) == ["tracking RR123"])
            #expect(try await seen(arbiterToken) == ["my receipt", "tracking RR123"])
            let refused = try await app.call(.post, "/api/v1/evidence/\(fixture.evidence)/disclose", token: buyerToken)
            #expect(refused.status == .forbidden)
            let disclosed = try await app.call(.post, "/api/v1/evidence/\(fixture.evidence)/disclose", token: arbiterToken)
            #expect(disclosed.status == .noContent)
            #expect(try await seen(sellerToken) == ["my receipt", "tracking RR123"])
            // Evidence is immutable.
            await #expect(throws: (any Error).self) {
                _ = try await app.client.query("UPDATE dispute_evidence SET body = 'forged'", logger: app.logger)
            }
        }
    }
}
