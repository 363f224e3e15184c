public import Foundation
public import SupportSchema

/// Draws the arbiter (or appeal reviewer) of a dispute at random among eligible, available arbiters.
///
/// Left out, each with its reasons: staff without the arbiter role, inactive or away; a party
/// (through their own requester accounts); anyone who handled a ticket or punishment of either
/// party within ``conflictWindowDays``; anyone who was ever in a deal with either party; those who
/// recused themselves; for an appeal, the first arbiter. Random, so nobody can steer a dispute to a
/// friendly arbiter; the generator is injected so tests and audits can replay a draw.
///
/// ```swift
/// var draw = ArbiterDraw(candidates: arbiters, parties: record.parties, recused: record.recused, now: now)
/// var rng = SystemRandomNumberGenerator()
/// let decision = draw.draw(using: &rng)
/// // the arbiter recuses: redraw without them
/// let again = draw.recusing(decision.arbiter!).draw(using: &rng)
/// ```
public struct ArbiterDraw: Sendable {
    public var candidates: [ArbiterCandidate]
    /// Claimant and respondent (buyer and seller).
    public var parties: Set<RequesterID>
    public var recused: Set<StaffID>
    /// Set for an appeal draw: the first arbiter, who cannot review their own ruling.
    public var firstArbiter: StaffID?
    /// How far back handling a party's ticket or punishment is a conflict.
    public var conflictWindowDays: Int
    public var now: Date

    public static let defaultConflictWindowDays = 90

    public init(
        candidates: [ArbiterCandidate], parties: Set<RequesterID>, recused: Set<StaffID> = [],
        firstArbiter: StaffID? = nil, conflictWindowDays: Int = defaultConflictWindowDays, now: Date
    ) {
        self.candidates = candidates
        self.parties = parties
        self.recused = recused
        self.firstArbiter = firstArbiter
        self.conflictWindowDays = conflictWindowDays
        self.now = now
    }

    /// The same draw with `staff` recused too, for the redraw after a recusal.
    public func recusing(_ staff: StaffID) -> ArbiterDraw {
        var copy = self
        copy.recused.insert(staff)
        return copy
    }

    /// Every reason `candidate` cannot be drawn, in a fixed order; empty when eligible.
    public func exclusions(of candidate: ArbiterCandidate) -> [ArbiterExclusion] {
        var out: [ArbiterExclusion] = []
        if !candidate.roles.contains(.arbiter) { out.append(.notArbiter) }
        if !candidate.isActive { out.append(.inactive) }
        if candidate.isAway { out.append(.away) }
        for party in parties.sorted() {
            if candidate.requesterAccounts.contains(party) { out.append(.party(party)) }
        }
        let windowStart = now.addingTimeInterval(-TimeInterval(max(0, conflictWindowDays)) * 86_400)
        for party in parties.sorted() {
            if let at = candidate.lastTicketHandled[party], at >= windowStart { out.append(.handledTicket(of: party, at: at)) }
            if let at = candidate.lastPunishmentHandled[party], at >= windowStart {
                out.append(.handledPunishment(of: party, at: at))
            }
            if candidate.dealCounterparties.contains(party) { out.append(.sharedDeal(with: party)) }
        }
        if recused.contains(candidate.id) { out.append(.recused) }
        if candidate.id == firstArbiter { out.append(.firstArbiter) }
        return out
    }

    /// Draws one eligible candidate uniformly with `generator`.
    ///
    /// The pool is ordered by id before drawing, so the same generator state gives the same arbiter
    /// whatever order the candidates were loaded in.
    public func draw(using generator: inout some RandomNumberGenerator) -> ArbiterDrawDecision {
        var pool: [StaffID] = []
        var excluded: [StaffID: [ArbiterExclusion]] = [:]
        var seen: Set<StaffID> = []
        for candidate in candidates.sorted(by: { $0.id < $1.id }) where seen.insert(candidate.id).inserted {
            let reasons = exclusions(of: candidate)
            if reasons.isEmpty { pool.append(candidate.id) } else { excluded[candidate.id] = reasons }
        }
        guard !pool.isEmpty else { return ArbiterDrawDecision(outcome: .escalateToOwners, pool: [], exclusions: excluded) }
        let chosen = pool[Int.random(in: 0..<pool.count, using: &generator)]
        return ArbiterDrawDecision(outcome: .drawn(chosen), pool: pool, exclusions: excluded)
    }
}
