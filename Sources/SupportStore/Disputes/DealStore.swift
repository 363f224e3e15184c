import Foundation
public import JobQueue
public import Logging
public import PostgresNIO
public import SupportDomain
public import SupportSchema

/// Deals registered by the guarantor bot, their deposits, and the disputes opened over them, on the
/// caller's connection (inside its transaction when it changes data).
public struct DealStore: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    public enum Refusal: Error, Sendable, CustomStringConvertible {
        /// The external reference is registered with different content.
        case differentDeal(DealID)
        case rule(DepositRuleError)
        /// A live dispute exists for the deal.
        case disputeOpen(DisputeID)
        case notAParty

        public var description: String {
            switch self {
            case .differentDeal(let id): "external_ref is already registered as deal \(id) with other content"
            case .rule(let error): error.description
            case .disputeOpen(let id): "dispute \(id) is already open for this deal"
            case .notAParty: "only the buyer or the seller opens a dispute over a deal"
            }
        }
    }

    /// Registers the deal once per external reference; a repeat with the same content returns it.
    /// - Returns: the deal and whether this call created it.
    public func register(_ deal: NewDeal) async throws -> (deal: DealView, created: Bool) {
        let rows = try await connection.query(
            """
            INSERT INTO deal (external_ref, buyer_id, seller_id, amount, currency, terms, chat_id, deposit_required,
                              deposit_amount, deposit_status)
            VALUES (\(deal.externalRef), \(deal.buyer.rawValue), \(deal.seller.rawValue), \("\(deal.amount)")::numeric,
                    \(deal.currency), \(deal.terms), \(deal.chatID), \(deal.depositRequired),
                    \(deal.depositAmount.map { "\($0)" })::numeric, \(deal.depositRequired ? "pending" : "not_required"))
            ON CONFLICT (external_ref) DO NOTHING
            RETURNING \(unescaped: DealView.columns)
            """, logger: logger
        ).collect()
        if let row = rows.first { return (try DealView(row), true) }
        guard let existing = try await load(externalRef: deal.externalRef) else {
            throw TicketStoreError.unexpectedValue("deal \(deal.externalRef) vanished after a conflict")
        }
        let same = existing.buyerID == deal.buyer.rawValue && existing.sellerID == deal.seller.rawValue
            && Decimal(string: existing.amount) == deal.amount && existing.currency == deal.currency && existing.terms == deal.terms
            && existing.depositRequired == deal.depositRequired
        guard same else { throw Refusal.differentDeal(DealID(existing.id)) }
        return (existing, false)
    }

    public func load(_ id: DealID, lock: Bool = false) async throws -> DealView? {
        var query: PostgresQuery = "SELECT \(unescaped: DealView.columns) FROM deal WHERE id = \(id.rawValue)"
        if lock { query.sql += " FOR UPDATE" }
        return try await connection.query(query, logger: logger).collect().first.map(DealView.init)
    }

    public func load(externalRef: String) async throws -> DealView? {
        try await connection.query(
            "SELECT \(unescaped: DealView.columns) FROM deal WHERE external_ref = \(externalRef)", logger: logger
        ).collect().first.map(DealView.init)
    }

    /// Records what the guarantor reports about the deposit. Locks the deal.
    public func setDeposit(_ id: DealID, to status: DepositStatus) async throws -> DealView? {
        guard let deal = try await load(id, lock: true) else { return nil }
        do { try DepositRule.checkDepositMove(deal.snapshot, to: status) } catch { throw Refusal.rule(error) }
        try await connection.query(
            "UPDATE deal SET deposit_status = \(status.rawValue) WHERE id = \(id.rawValue)", logger: logger)
        return try await load(id)
    }

    /// Starts the deal; refused while a required deposit is not held. Starting a started deal is a no-op.
    public func start(_ id: DealID) async throws -> DealView? {
        guard let deal = try await load(id, lock: true) else { return nil }
        if deal.status == DealStatus.active.rawValue { return deal }
        do { try DepositRule.checkStart(deal.snapshot) } catch { throw Refusal.rule(error) }
        try await connection.query(
            "UPDATE deal SET status = 'active', started_at = now() WHERE id = \(id.rawValue)", logger: logger)
        return try await load(id)
    }

    /// Opens a dispute by one party against the other, with a dispute ticket for the conversation,
    /// and queues the worker's `open` job.
    public func openDispute(_ id: DealID, by claimant: RequesterID, reason: String, jobs: TransactionEnqueuer) async throws
        -> DisputeID?
    {
        guard let deal = try await load(id, lock: true) else { return nil }
        guard deal.parties.contains(claimant) else { throw Refusal.notAParty }
        if let live = try await connection.query(
            "SELECT id FROM dispute WHERE deal_id = \(id.rawValue) AND NOT state = ANY (\(DisputeState.terminal.map(\.rawValue)))",
            logger: logger
        ).collect().first {
            throw Refusal.disputeOpen(DisputeID(try live.decode(Int64.self)))
        }
        do { try DepositRule.checkDisputeOpening(deal.snapshot) } catch { throw Refusal.rule(error) }
        let respondent = claimant.rawValue == deal.buyerID ? deal.sellerID : deal.buyerID
        let tickets = TicketStore(connection: connection, logger: logger)
        let ticket = try await tickets.create(NewTicket(
            requesterID: claimant, channel: .web, subject: "Dispute over deal \(deal.externalRef)", requestedCategory: .dispute))
        try await connection.query(
            """
            UPDATE ticket SET category = 'dispute', status = 'open',
                team_id = (SELECT id FROM team WHERE 'dispute' = ANY (categories) ORDER BY id LIMIT 1)
            WHERE id = \(ticket.id.rawValue)
            """, logger: logger)
        try await tickets.recordEvent(ticket.id, .created, actor: .requester(claimant), data: ["deal_id": .int(deal.id)])
        _ = try await tickets.append(NewMessage(ticketID: ticket.id, requesterID: claimant, channel: .web, body: reason))
        let rows = try await connection.query(
            """
            INSERT INTO dispute (deal_id, ticket_id, opened_by_id, respondent_id, reason)
            VALUES (\(deal.id), \(ticket.id.rawValue), \(claimant.rawValue), \(respondent), \(reason))
            RETURNING id
            """, logger: logger
        ).collect()
        guard let raw = try rows.first?.decode(Int64.self) else { throw TicketStoreError.unexpectedValue("dispute INSERT") }
        try await connection.query("UPDATE deal SET status = 'disputed' WHERE id = \(deal.id)", logger: logger)
        let dispute = DisputeID(raw)
        jobs.enqueueAtCommit(try NewJob(DisputeJob(disputeID: dispute, event: .open, state: .opened, generation: 0)))
        return dispute
    }
}
