import SupportSchema
import SupportTesting
import Testing

/// The coder's and the arbiter's views in a real browser (headless Chromium driven by Selenium,
/// `Tests/Browser/*.py`) against the live server on real PostgreSQL; the effects are checked here.
struct RoleBrowserTests {
    @Test(.timeLimit(.minutes(10)))
    func aCoderFixesAnIncident() async throws {
        try await AuthFixture.with(live: true) { app in
            let alice = try await app.requester("alice@example.com")
            let bob = try await app.requester("bob@example.com")
            try await app.staff("coder@desk.local", roles: [.coder])
            let (incident, reports) = try await RolePagesTests.incident(app, requesters: [alice, bob])
            try await BrowserScenario.run(
                "coder_fixes_incident", app: app,
                arguments: ["--email", "coder@desk.local", "--password", AuthFixture.password, "--incident", "\(incident.rawValue)",
                            "--reports", reports.map { "\($0.rawValue)" }.joined(separator: ",")])
            // Every linked requester's notification is queued, on their own channel.
            for (requester, address) in [(alice, "alice@example.com"), (bob, "bob@example.com")] {
                #expect(try await app.int(
                    """
                    SELECT count(*) FROM notification WHERE template = 'fixed' AND recipient_requester_id = \(requester.rawValue)
                      AND address = \(address)
                    """) == 1)
            }
            #expect(try await app.int("SELECT count(*) FROM audit_log WHERE action = 'ticket.fixed' AND target_id = \(incident.rawValue)") == 1)
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func anArbiterDecidesADispute() async throws {
        try await AuthFixture.with(live: true) { app in
            let buyer = try await app.requester("buyer@example.com")
            let seller = try await app.requester("seller@example.com")
            let ivan = try await app.staff("ivan@desk.local", roles: [.arbiter])
            let deal = try await app.int(
                """
                INSERT INTO deal (external_ref, buyer_id, seller_id, amount, currency, status, started_at)
                VALUES ('F-2041', \(buyer.rawValue), \(seller.rawValue), 250, 'USDT', 'disputed', now()) RETURNING id
                """)
            let dispute = try await app.int(
                """
                INSERT INTO dispute (deal_id, opened_by_id, respondent_id, arbiter_id, state, deadline_at, reason)
                VALUES (\(deal), \(buyer.rawValue), \(seller.rawValue), \(ivan.rawValue), 'under_review', now() + interval '2 days',
                        'Товар не пришёл') RETURNING id
                """)
            let evidence = { (party: String, requester: RequesterID, body: String) in
                try await app.int(
                    """
                    INSERT INTO dispute_evidence (dispute_id, party, submitted_by_requester_id, body, content_sha256)
                    VALUES (\(dispute), \(party), \(requester.rawValue), \(body), sha256(convert_to(\(body), 'UTF8'))) RETURNING id
                    """)
            }
            let buyerItem = try await evidence("buyer", buyer, "Скриншот чека об оплате")
            let sellerItem = try await evidence("seller", seller, "Номер трек-отправления RU123")
            try await BrowserScenario.run(
                "arbiter_decides_dispute", app: app,
                arguments: ["--email", "ivan@desk.local", "--password", AuthFixture.password, "--dispute", "\(dispute)",
                            "--buyer-evidence", "\(buyerItem)", "--seller-evidence", "\(sellerItem)"])
            #expect(try await app.int(
                "SELECT count(*) FROM dispute WHERE id = \(dispute) AND state = 'decided' AND decision->>'outcome' = 'refund_buyer'") == 1)
            #expect(try await app.int(
                """
                SELECT count(*) FROM audit_log WHERE action = 'dispute.decide' AND target_type = 'dispute' AND target_id = \(dispute)
                  AND actor_staff_id = \(ivan.rawValue) AND actor_role = 'arbiter'
                """) == 1)
        }
    }
}
