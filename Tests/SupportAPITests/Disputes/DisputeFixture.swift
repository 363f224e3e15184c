import Foundation
import SupportSchema

/// Deals and a dispute written straight into the database, for API tests.
struct DisputeFixture {
    let app: AuthFixture

    struct Deals {
        /// Active, between the two parties, with `dispute` open on it in `evidence`.
        var active: Int64
        /// Registered, requiring a deposit that is pending.
        var withDeposit: Int64
        /// Registered, no deposit required.
        var registered: Int64
        var dispute: Int64
        /// The claimant's evidence on `dispute`, not disclosed.
        var evidence: Int64
    }

    /// - Parameters:
    ///   - party: the claimant (and buyer) of the dispute.
    ///   - arbiter: who holds the dispute's arbiter seat, if anyone.
    func deals(party: RequesterID, other: RequesterID, arbiter: StaffID?) async throws -> Deals {
        let active = try await app.int(
            """
            INSERT INTO deal (external_ref, buyer_id, seller_id, amount, currency, status, started_at)
            VALUES ('F-active', \(party.rawValue), \(other.rawValue), 100, 'USDT', 'disputed', now()) RETURNING id
            """)
        let withDeposit = try await app.int(
            """
            INSERT INTO deal (external_ref, buyer_id, seller_id, amount, currency, deposit_required, deposit_status)
            VALUES ('F-deposit', \(party.rawValue), \(other.rawValue), 100, 'USDT', true, 'pending') RETURNING id
            """)
        let registered = try await app.int(
            """
            INSERT INTO deal (external_ref, buyer_id, seller_id, amount, currency)
            VALUES ('F-plain', \(party.rawValue), \(other.rawValue), 100, 'USDT') RETURNING id
            """)
        let dispute = try await app.int(
            """
            INSERT INTO dispute (deal_id, opened_by_id, respondent_id, arbiter_id, state, deadline_at)
            VALUES (\(active), \(party.rawValue), \(other.rawValue), \(arbiter?.rawValue), 'evidence', now() + interval '3 days')
            RETURNING id
            """)
        let evidence = try await app.int(
            """
            INSERT INTO dispute_evidence (dispute_id, party, submitted_by_requester_id, body, content_sha256)
            VALUES (\(dispute), 'buyer', \(party.rawValue), 'my receipt', sha256('my receipt'::bytea)) RETURNING id
            """)
        return Deals(active: active, withDeposit: withDeposit, registered: registered, dispute: dispute, evidence: evidence)
    }
}
