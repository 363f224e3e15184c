public import Foundation
public import SupportSchema

/// Work a transition asks for; the arbitration worker performs it in the same transaction as the
/// state change (jobs, notifications) or right after (the payout webhook).
public enum DisputeEffect: Hashable, Sendable {
    /// Who a notification goes to.
    public enum Audience: Hashable, Sendable {
        case bothParties
        case party(RequesterID)
        case staff(StaffID)
    }

    /// Schedule a `dispute` deadline job for `state` at `due` (with the transition's new generation).
    case scheduleDeadline(DisputeState, due: Date)
    /// The previous deadline no longer applies (its job is stale anyway through the generation).
    case cancelDeadline
    case notify(Audience, DisputeNotice)
    /// A default rule moved the dispute or something is overdue; shown on the dispute.
    case flag(reason: String)
    /// Run ``ArbiterDraw`` for the first arbiter (or the appeal reviewer), never picking `excluding`.
    case drawArbiter(appeal: Bool, excluding: Set<StaffID>)
    /// Nobody acted in time: the owners (L3) must take it.
    case escalateToOwners(reason: String)
    /// The payout is above the threshold: an owner other than the decider must approve it first.
    case requestPayoutApproval(amount: Decimal, currency: String)
    /// Send the payout command to the guarantor bot's webhook; retries reuse the key.
    case sendPayout(DisputeDecision.Outcome, idempotencyKey: String)
    /// Open or update an L2 incident (the payout failed or was never confirmed).
    case raiseIncident(reason: String)
}
