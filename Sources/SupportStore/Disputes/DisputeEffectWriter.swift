import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema

/// Carries out a transition's effects inside its transaction: `dispute` jobs for deadlines, draws and
/// payouts; notifications to the parties and staff; the owners told; an L2 incident for a failed payout.
///
/// Every notification's idempotency key names the dispute and the generation the transition produced,
/// so a transition replayed after a crash sends nothing twice.
struct DisputeEffectWriter {
    let connection: PostgresConnection
    let jobs: TransactionEnqueuer
    let logger: Logger
    let row: DisputeRow
    let transition: DisputeTransition
    let now: Date
    /// Distinguishes notifications of effects performed outside a transition (e.g. a failed draw).
    var keySuffix = ""

    var after: DisputeRecord { transition.after }
    var generation: Int64 { after.generation }

    func perform() async throws {
        for (index, effect) in transition.effects.enumerated() {
            try await perform(effect, index: index)
        }
        if after.state == .decided {
            try await job(.delivered, schedule: .now)
        }
    }

    private func perform(_ effect: DisputeEffect, index: Int) async throws {
        switch effect {
        case .scheduleDeadline(let state, let due):
            jobs.enqueueAtCommit(try NewJob(DisputeJob(disputeID: after.id, event: .deadline, state: state, generation: generation),
                                    schedule: .at(due)))
        case .cancelDeadline, .flag:
            break  // the generation makes old jobs stale; the flag is saved with the row
        case .notify(let audience, let notice):
            let text = DisputeNoticeText.render(notice, dispute: after.id, deal: row.dealRef)
            try await notify(audience, text: text, key: "dispute:\(after.id):g\(generation)\(keySuffix):\(index)")
        case .drawArbiter:
            try await job(.assignArbiter, schedule: .now)
        case .escalateToOwners(let reason):
            try await tellOwners("Dispute #\(after.id) (deal \(row.dealRef)) needs an owner: \(reason).", index: index, except: nil)
        case .requestPayoutApproval(let amount, let currency):
            try await tellOwners(
                "Dispute #\(after.id) (deal \(row.dealRef)): the payout of \(amount) \(currency) needs an owner's approval.",
                index: index, except: after.effectiveDecision?.decidedBy)
        case .sendPayout:
            // The first attempt goes at once; a retry after a failure waits longer each time (max 15 min).
            let delay = row.executionAttempts == 0 ? 0 : min(900, 5 << min(row.executionAttempts, 8))
            try await job(.execute, schedule: delay == 0 ? .now : .at(now.addingTimeInterval(TimeInterval(delay))))
        case .raiseIncident(let reason):
            try await PayoutIncident(connection: connection, jobs: jobs, logger: logger)
                .raise(for: row, reason: reason, key: "dispute:\(after.id):g\(generation)\(keySuffix):\(index)")
        }
    }

    private func job(_ event: DisputeJob.Event, schedule: NewJob.Schedule) async throws {
        jobs.enqueueAtCommit(try NewJob(DisputeJob(disputeID: after.id, event: event, state: after.state, generation: generation),
                                schedule: schedule))
    }

    private func notify(_ audience: DisputeEffect.Audience, text: String, key: String) async throws {
        switch audience {
        case .bothParties:
            for party in [after.claimant, after.respondent] { try await tellParty(party, text: text, key: key) }
        case .party(let id):
            try await tellParty(id, text: text, key: key)
        case .staff(let staff):
            try await tellStaff(staff, text: text, key: key)
        }
    }

    private func tellParty(_ requester: RequesterID, text: String, key: String) async throws {
        let route = try await RequesterRoute.of(requester: requester, on: connection, logger: logger)
        try await NotificationOutbox(connection: connection, logger: logger).send(
            NewNotification(
                requesterID: requester, channel: route.channel, address: route.address, template: "dispute",
                ticketID: row.ticketID, payload: ["text": .string(text), "subject": .string("Dispute #\(after.id)")],
                idempotencyKey: "\(key):r\(requester)"),
            jobs: jobs)
    }

    private func tellStaff(_ staff: StaffID, text: String, key: String) async throws {
        guard let ticket = row.ticketID else { return }
        try await StaffNotifier(connection: connection, jobs: jobs, logger: logger)
            .notify(staff, template: "dispute", text: text, ticket: ticket, key: "\(key):s\(staff)", now: now)
    }

    private func tellOwners(_ text: String, index: Int, except: StaffID?) async throws {
        let owners = try await connection.query(
            "SELECT id FROM staff WHERE active AND 'owner' = ANY (roles) ORDER BY id", logger: logger
        ).collect().map { StaffID(try $0.decode(Int64.self)) }
        for owner in owners where owner != except {
            try await tellStaff(owner, text: text, key: "dispute:\(after.id):g\(generation)\(keySuffix):\(index)")
        }
    }
}
