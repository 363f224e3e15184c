public import Foundation
public import Logging
public import PostgresNIO
public import SupportDomain
public import SupportSchema

/// One `dispute` row with its deal: the ``DisputeRecord`` the state machine works on, plus what only
/// the platform keeps (its ticket, the L2 incident, payout attempts).
public struct DisputeRow: Sendable, Hashable {
    public var record: DisputeRecord
    public var dealRef: String
    public var ticketID: TicketID?
    public var reason: String
    public var flagReason: String?
    public var incidentTicketID: TicketID?
    public var executionAttempts: Int
    public var lastExecutionError: String?
    public var openedAt: Date

    /// Loads the dispute, locking it (`FOR UPDATE`) when `lock` is set, so transitions on one dispute
    /// run one at a time.
    public static func load(
        _ id: DisputeID, lock: Bool, on connection: PostgresConnection, logger: Logger
    ) async throws -> DisputeRow? {
        let lockClause: PostgresQuery = lock ? "FOR UPDATE OF d" : ""
        var query: PostgresQuery = """
            SELECT d.id, d.state, d.opened_by_id, d.respondent_id, d.arbiter_id, d.appeal_arbiter_id, d.recused_ids,
                   d.deadline_at, extract(epoch FROM d.deadline_remaining)::float8 AS remaining, d.flagged, d.flag_reason,
                   d.settlement->>'proposed_by' AS s_by, d.settlement->>'terms' AS s_terms,
                   (d.settlement->>'proposed_at')::timestamptz AS s_at,
                   d.decision->>'outcome' AS d_outcome, (d.decision->>'seller_percent')::int AS d_percent,
                   d.decision->>'reasons' AS d_reasons, (d.decision->>'decided_by')::bigint AS d_by, d.decided_at,
                   d.appeal_decision->>'outcome' AS a_outcome, (d.appeal_decision->>'seller_percent')::int AS a_percent,
                   d.appeal_decision->>'reasons' AS a_reasons, (d.appeal_decision->>'decided_by')::bigint AS a_by,
                   d.appeal_decided_at, d.appealed_by_id, d.payout_approved_by_id, d.generation, d.ticket_id, d.reason,
                   d.incident_ticket_id, d.execution_attempts, d.last_execution_error, d.opened_at,
                   g.id AS deal_id, g.external_ref, g.buyer_id, g.seller_id, g.amount::text AS amount, g.currency,
                   g.deposit_required, g.deposit_status, g.status AS deal_status
            FROM dispute d JOIN deal g ON g.id = d.deal_id
            WHERE d.id = \(id.rawValue)
            """
        query.sql += " " + lockClause.sql
        guard let row = try await connection.query(query, logger: logger).collect().first else { return nil }
        return try DisputeRow(row.makeRandomAccess())
    }

    init(_ row: PostgresRandomAccessRow) throws {
        func column<T: PostgresDecodable>(_ name: String, _ type: T.Type = T.self) throws -> T { try row[name].decode(T.self) }
        let deal = DealSnapshot(
            id: DealID(try column("deal_id")), buyer: RequesterID(try column("buyer_id")),
            seller: RequesterID(try column("seller_id")), amount: Decimal(string: try column("amount", String.self)) ?? 0,
            currency: try column("currency"), depositRequired: try column("deposit_required"),
            depositStatus: try Self.value(DepositStatus.self, try column("deposit_status")),
            status: try Self.value(DealStatus.self, try column("deal_status")))
        var deadline = DisputeDeadline.none
        if let due = try column("deadline_at", Date?.self) {
            deadline = .due(due)
        } else if let remaining = try column("remaining", Double?.self) {
            deadline = .paused(remaining: remaining)
        }
        var settlement: SettlementProposal?
        if let by = try column("s_by", String?.self).flatMap({ Int64($0) }), let terms = try column("s_terms", String?.self),
            let at = try column("s_at", Date?.self)
        {
            settlement = SettlementProposal(proposedBy: RequesterID(by), terms: terms, proposedAt: at)
        }
        let recused = try column("recused_ids", [Int64].self)
        self.record = DisputeRecord(
            id: DisputeID(try column("id")), deal: deal, claimant: RequesterID(try column("opened_by_id")),
            respondent: RequesterID(try column("respondent_id")),
            state: try Self.value(DisputeState.self, try column("state")),
            arbiter: try column("arbiter_id", Int64?.self).map { StaffID($0) },
            appealArbiter: try column("appeal_arbiter_id", Int64?.self).map { StaffID($0) },
            recused: Set(recused.map { StaffID($0) }), deadline: deadline, flagged: try column("flagged"),
            settlement: settlement,
            decision: try Self.decision(row, prefix: "d", at: "decided_at"),
            appealedBy: try column("appealed_by_id", Int64?.self).map { RequesterID($0) },
            appealDecision: try Self.decision(row, prefix: "a", at: "appeal_decided_at"),
            payoutApprovedBy: try column("payout_approved_by_id", Int64?.self).map { StaffID($0) },
            generation: try column("generation"))
        self.dealRef = try column("external_ref")
        self.ticketID = try column("ticket_id", Int64?.self).map { TicketID($0) }
        self.reason = try column("reason")
        self.flagReason = try column("flag_reason")
        self.incidentTicketID = try column("incident_ticket_id", Int64?.self).map { TicketID($0) }
        self.executionAttempts = Int(try column("execution_attempts", Int32.self))
        self.lastExecutionError = try column("last_execution_error")
        self.openedAt = try column("opened_at")
    }

    static func value<E: RawRepresentable<String>>(_ type: E.Type, _ raw: String) throws -> E {
        guard let value = E(rawValue: raw) else { throw TicketStoreError.unexpectedValue("\(E.self) \(raw)") }
        return value
    }

    static func decision(_ row: PostgresRandomAccessRow, prefix: String, at: String) throws -> DisputeDecision? {
        guard let name = try row["\(prefix)_outcome"].decode(String?.self),
            let by = try row["\(prefix)_by"].decode(Int64?.self),
            let decidedAt = try row[at].decode(Date?.self)
        else { return nil }
        let outcome: DisputeDecision.Outcome
        switch name {
        case "release_seller": outcome = .releaseToSeller
        case "refund_buyer": outcome = .refundBuyer
        case "split": outcome = .split(sellerPercent: Int(try row["\(prefix)_percent"].decode(Int32?.self) ?? 0))
        case "no_ruling": outcome = .noRuling
        default: throw TicketStoreError.unexpectedValue("dispute decision outcome \(name)")
        }
        let reasons = try row["\(prefix)_reasons"].decode(String?.self) ?? ""
        return DisputeDecision(outcome: outcome, reasons: reasons, decidedBy: StaffID(by), decidedAt: decidedAt)
    }
}
