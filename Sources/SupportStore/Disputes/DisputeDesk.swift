public import Foundation
public import JobQueue
public import Logging
public import PostgresNIO
public import SupportDomain
public import SupportSchema

/// Applies one ``DisputeCommand`` to a stored dispute inside the caller's transaction: lock the row,
/// ask ``DisputeMachine``, save the result, write the hash-chained audit entry (actor, role,
/// before/after state, evidence hashes), mirror the seat and state on the dispute's ticket, and
/// queue the effects. The API does this for people, the arbitration worker for the system.
///
/// ```swift
/// let step = try await queue.transaction { connection, jobs in
///     try await DisputeDesk(connection: connection, jobs: jobs, logger: logger)
///         .apply(.respond, by: .requester(respondent), role: .requester, to: id)
/// }
/// ```
public struct DisputeDesk: Sendable {
    public let connection: PostgresConnection
    public let jobs: TransactionEnqueuer
    public let logger: Logger

    public init(connection: PostgresConnection, jobs: TransactionEnqueuer, logger: Logger) {
        self.connection = connection
        self.jobs = jobs
        self.logger = logger
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case notFound(DisputeID)
        public var description: String {
            switch self {
            case .notFound(let id): "no dispute \(id)"
            }
        }
    }

    /// - Parameters:
    ///   - role: the audit log's actor role (a staff member's highest role, `requester` or `system`).
    ///   - expect: when set, the command applies only if the dispute is still at this generation
    ///     (a job's view); otherwise nothing happens and nil is returned.
    /// - Throws: ``Failure/notFound(_:)``, or ``DisputeTransitionError`` when the machine refuses.
    @discardableResult
    public func apply(
        _ command: DisputeCommand, by actor: DisputeActor, role: Role?, to id: DisputeID, at now: Date = Date(),
        expect generation: Int64? = nil
    ) async throws -> DisputeTransition? {
        guard let row = try await DisputeRow.load(id, lock: true, on: connection, logger: logger) else { throw Failure.notFound(id) }
        if let generation, generation != row.record.generation { return nil }
        let settings = try await DisputeSettingsStore.load(on: connection, logger: logger)
        let transition = try settings.machine(currency: row.record.deal.currency).apply(command, by: actor, to: row.record, at: now)
        let flagReason = transition.effects.lazy.compactMap { effect -> String? in
            if case .flag(let reason) = effect { reason } else { nil }
        }.first
        try await DisputeRowWriter.save(transition.after, flagReason: flagReason, on: connection, logger: logger)
        try await audit(command, actor: actor, role: role, transition: transition)
        try await mirrorOnTicket(row, transition: transition, actor: actor)
        try await DisputeEffectWriter(connection: connection, jobs: jobs, logger: logger, row: row, transition: transition, now: now)
            .perform()
        return transition
    }

    private func audit(_ command: DisputeCommand, actor: DisputeActor, role: Role?, transition: DisputeTransition) async throws {
        let hashes = try await connection.query(
            "SELECT encode(content_sha256, 'hex') FROM dispute_evidence WHERE dispute_id = \(transition.after.id.rawValue) ORDER BY id",
            logger: logger
        ).collect().map { try $0.decode(String.self) }
        var after: [String: StoredJSON] = [
            "state": .string(transition.after.state.rawValue), "generation": .int(transition.after.generation),
            "command": .string(command.kind.rawValue), "evidence_sha256": .array(hashes.map(StoredJSON.string)),
        ]
        if let seat = transition.after.seat { after["seat"] = .int(seat.rawValue) }
        if let decision = transition.after.effectiveDecision { after["outcome"] = .string(decision.outcome.rawName) }
        if let requester = actor.requesterID { after["requester_id"] = .int(requester.rawValue) }
        let auditRole: Role? = switch actor {
        case .requester: .requester
        case .staff: role
        case .system: nil
        }
        try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
            actorStaffID: actor.staffID, actorRole: auditRole?.rawValue ?? "system", action: "dispute.\(command.kind.rawValue)",
            targetType: "dispute", targetID: transition.after.id.rawValue,
            before: ["state": .string(transition.before.state.rawValue), "generation": .int(transition.before.generation)],
            after: after, reason: Self.reason(of: command)))
    }

    static func reason(of command: DisputeCommand) -> String? {
        switch command {
        case .proposeSettlement(let text), .recuse(let text), .requestInfo(let text), .decide(_, let text), .appeal(let text),
            .executionFailed(let text):
            text
        default: nil
        }
    }

    /// The ticket follows the dispute: assigned to whoever holds the seat, resolved when it ends.
    private func mirrorOnTicket(_ row: DisputeRow, transition: DisputeTransition, actor: DisputeActor) async throws {
        guard let ticket = row.ticketID else { return }
        let store = TicketStore(connection: connection, logger: logger)
        let ticketActor: TicketActor = switch actor {
        case .requester(let id): .requester(id)
        case .staff(let id, _): .staff(id)
        case .system: .system
        }
        if transition.before.state != transition.after.state {
            try await store.recordEvent(ticket, "dispute_state", actor: ticketActor, data: [
                "from": .string(transition.before.state.rawValue), "to": .string(transition.after.state.rawValue),
            ])
        }
        let seat = transition.after.seat
        if seat != transition.before.seat, let seat {
            try await connection.query(
                "UPDATE ticket SET assignee_id = \(seat.rawValue), status = 'open' WHERE id = \(ticket.rawValue) AND status NOT IN ('resolved', 'closed')",
                logger: logger)
            try await store.recordEvent(ticket, .assigned, actor: ticketActor, data: ["staff_id": .int(seat.rawValue), "via": "dispute"])
        }
        if transition.after.state.isTerminal, !transition.before.state.isTerminal {
            let previous = try await connection.query(
                """
                UPDATE ticket t SET status = 'resolved', resolved_at = now() FROM ticket old
                WHERE t.id = \(ticket.rawValue) AND old.id = t.id AND t.status NOT IN ('resolved', 'closed')
                RETURNING old.status
                """, logger: logger
            ).collect().first?.decode(String.self)
            if let previous {
                try await store.recordEvent(
                    ticket, .statusChanged, actor: ticketActor, data: ["from": .string(previous), "to": "resolved", "via": "dispute"])
            }
        }
    }
}

extension DisputeDesk {
    /// No arbiter could be drawn: flag the dispute and tell the owners, who assign one by hand. Once per
    /// generation (a redelivered draw job finds the flag already raised for it).
    public func escalateToOwners(_ id: DisputeID, reason: String, generation: Int64, at now: Date = Date()) async throws {
        guard let row = try await DisputeRow.load(id, lock: true, on: connection, logger: logger) else { throw Failure.notFound(id) }
        guard row.record.generation == generation, !(row.record.flagged && row.flagReason == reason) else { return }
        try await connection.query(
            "UPDATE dispute SET flagged = true, flag_reason = \(reason) WHERE id = \(id.rawValue)", logger: logger)
        try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
            actorStaffID: nil, actorRole: "system", action: "dispute.escalate_to_owners", targetType: "dispute",
            targetID: id.rawValue, after: ["state": .string(row.record.state.rawValue)], reason: reason))
        let transition = DisputeTransition(before: row.record, after: row.record, effects: [.escalateToOwners(reason: reason)])
        try await DisputeEffectWriter(
            connection: connection, jobs: jobs, logger: logger, row: row, transition: transition, now: now, keySuffix: ":draw"
        ).perform()
    }
}
