import Foundation
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema

/// Stores a dispute as the state machine left it: one UPDATE of the `dispute` row (and the deal's
/// status when the dispute ends), inside the caller's transaction.
enum DisputeRowWriter {
    static func save(_ record: DisputeRecord, flagReason: String?, on connection: PostgresConnection, logger: Logger) async throws {
        var dueAt: Date?, remaining: Double?
        switch record.deadline {
        case .none: break
        case .due(let due): dueAt = due
        case .paused(let seconds): remaining = seconds
        }
        let settlement = try record.settlement.map { proposal in
            try StoredJSON.text([
                "proposed_by": .string(String(proposal.proposedBy.rawValue)), "terms": .string(proposal.terms),
                "proposed_at": .string(proposal.proposedAt.formatted(.iso8601)),
            ])
        }
        let decision = try record.decision.map(json)
        let appeal = try record.appealDecision.map(json)
        let recused = record.recused.map(\.rawValue).sorted()
        try await connection.query(
            """
            UPDATE dispute SET
                state = \(record.state.rawValue), arbiter_id = \(record.arbiter?.rawValue),
                appeal_arbiter_id = \(record.appealArbiter?.rawValue), recused_ids = \(recused),
                deadline_at = \(dueAt), deadline_remaining = make_interval(secs => \(remaining)::float8),
                flagged = \(record.flagged), flag_reason = coalesce(\(flagReason), flag_reason),
                settlement = \(settlement)::jsonb, decision = \(decision)::jsonb, decided_at = \(record.decision?.decidedAt),
                appeal_decision = \(appeal)::jsonb, appeal_decided_at = \(record.appealDecision?.decidedAt),
                appealed_by_id = \(record.appealedBy?.rawValue), payout_approved_by_id = \(record.payoutApprovedBy?.rawValue),
                payout_approved_at = CASE WHEN \(record.payoutApprovedBy?.rawValue)::bigint IS NULL THEN NULL
                                          ELSE coalesce(payout_approved_at, now()) END,
                execution_key = CASE WHEN \(record.state.rawValue) = 'executing' THEN \(record.payoutIdempotencyKey)
                                     ELSE execution_key END,
                executed_at = CASE WHEN \(record.state.rawValue) = 'closed' AND execution_key IS NOT NULL
                                   THEN coalesce(executed_at, now()) ELSE executed_at END,
                generation = \(record.generation),
                closed_at = CASE WHEN \(record.state.isTerminal) THEN coalesce(closed_at, now()) ELSE NULL END
            WHERE id = \(record.id.rawValue)
            """, logger: logger)
        let dealStatus: DealStatus = switch record.state {
        case .closed: record.effectiveDecision?.outcome == .refundBuyer ? .cancelled : .completed
        case .settled, .withdrawn, .expired: .active
        default: .disputed
        }
        try await connection.query(
            "UPDATE deal SET status = \(dealStatus.rawValue) WHERE id = \(record.deal.id.rawValue) AND status <> \(dealStatus.rawValue)",
            logger: logger)
    }

    static func json(_ decision: DisputeDecision) throws -> String {
        var fields: [String: StoredJSON] = [
            "outcome": .string(decision.outcome.rawName), "reasons": .string(decision.reasons),
            "decided_by": .int(decision.decidedBy.rawValue),
        ]
        if case .split(let percent) = decision.outcome { fields["seller_percent"] = .int(Int64(percent)) }
        return try StoredJSON.text(fields)
    }
}
