import Foundation
import Hummingbird
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// Guarantor-bot deals: `POST /api/v1/deals` (register, idempotent by `external_ref`),
/// `GET /api/v1/deals/{id}`, `POST …/deposit`, `POST …/start` (refused while a required deposit is
/// not held) and `POST …/disputes` (a party opens a dispute).
///
/// Registering and deposits need `manage_deals` (the guarantor bot's agent account, owners); every
/// change is audited in the transaction that makes it.
struct DealController: Sendable {
    let database: Database
    let authorizer: Authorizer
    let queue: JobQueue

    static let bodyLimit = 64 << 10

    func add(to group: RouterGroup<APIRequestContext>) {
        group.post("deals") { request, context in try await register(request, context: context) }
        group.get("deals/{id}") { _, context in try await show(context: context) }
        group.post("deals/{id}/deposit") { request, context in try await deposit(request, context: context) }
        group.post("deals/{id}/start") { _, context in try await start(context: context) }
        group.post("deals/{id}/disputes") { request, context in try await openDispute(request, context: context) }
    }

    func register(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try await manager(context, target: nil)
        let body = try await JSONBody.decode(NewDealRequest.self, from: request, limit: Self.bodyLimit).validated()
        let logger = context.logger
        let (deal, created) = try await refusals {
            try await database.transaction { connection in
                let buyer = try await Self.party(body.buyer, field: "buyer", on: connection, logger: logger)
                let seller = try await Self.party(body.seller, field: "seller", on: connection, logger: logger)
                guard buyer != seller else { throw APIError(.conflict, code: "same_party", message: "buyer and seller are one requester") }
                let result = try await DealStore(connection: connection, logger: logger).register(NewDeal(
                    externalRef: body.externalRef, buyer: buyer, seller: seller,
                    amount: try NewDealRequest.amount(body.amount, field: "amount"), currency: body.currency,
                    terms: body.terms ?? "", chatID: body.chatID, depositRequired: body.depositRequired ?? false,
                    depositAmount: try body.depositAmount.map { try NewDealRequest.amount($0, field: "deposit_amount") }))
                if result.created {
                    try await audit(principal, "deal.register", deal: result.deal.id, after: [
                        "external_ref": .string(result.deal.externalRef), "amount": .string(result.deal.amount),
                        "currency": .string(result.deal.currency),
                    ], on: connection, logger: logger)
                }
                return result
            }
        }
        return try JSONBody.response(deal, status: created ? .created : .ok)
    }

    func show(context: APIRequestContext) async throws -> Response {
        let principal = try authorizer.principal(context)
        let id = try Self.dealID(context)
        let logger = context.logger
        let deal = try await database.connection { try await DealStore(connection: $0, logger: logger).load(id) }
        if let requester = principal.requesterID {
            guard let deal, deal.parties.contains(requester) else { throw Self.notFound(id) }
            return try JSONBody.response(deal)
        }
        try await authorizer.authorize(principal, .viewTicket, target: Self.target(id.rawValue), logger: logger)
        guard let deal else { throw Self.notFound(id) }
        return try JSONBody.response(deal)
    }

    func deposit(_ request: Request, context: APIRequestContext) async throws -> Response {
        let id = try Self.dealID(context)
        let principal = try await manager(context, target: id)
        let body = try await JSONBody.decode(DepositRequest.self, from: request, limit: Self.bodyLimit)
        let logger = context.logger
        let deal = try await refusals {
            try await database.transaction { connection in
                guard let deal = try await DealStore(connection: connection, logger: logger).setDeposit(id, to: body.status) else {
                    throw Self.notFound(id)
                }
                try await audit(principal, "deal.deposit", deal: deal.id, after: ["deposit_status": .string(deal.depositStatus)],
                                on: connection, logger: logger)
                return deal
            }
        }
        return try JSONBody.response(deal)
    }

    func start(context: APIRequestContext) async throws -> Response {
        let id = try Self.dealID(context)
        let principal = try await manager(context, target: id)
        let logger = context.logger
        let deal = try await refusals {
            try await database.transaction { connection in
                guard let deal = try await DealStore(connection: connection, logger: logger).start(id) else { throw Self.notFound(id) }
                try await audit(principal, "deal.start", deal: deal.id, after: ["status": .string(deal.status)], on: connection, logger: logger)
                return deal
            }
        }
        return try JSONBody.response(deal)
    }

    func openDispute(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try authorizer.principal(context)
        let id = try Self.dealID(context)
        guard let claimant = principal.requesterID else {
            try await authorizer.deny(
                principal, code: "parties_only", message: "a party of the deal opens a dispute, from the portal or the bot",
                action: nil, target: Self.target(id.rawValue), logger: context.logger)
        }
        let body = try await JSONBody.decode(OpenDisputeRequest.self, from: request, limit: Self.bodyLimit).validated()
        let logger = context.logger
        let row = try await refusals {
            try await queue.transaction { connection, jobs in
                guard let dispute = try await DealStore(connection: connection, logger: logger)
                    .openDispute(id, by: claimant, reason: body.reason, jobs: jobs)
                else { throw Self.notFound(id) }
                try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                    actorStaffID: nil, actorRole: Role.requester.rawValue, action: "dispute.open", targetType: "dispute",
                    targetID: dispute.rawValue, after: ["deal_id": .int(id.rawValue), "requester_id": .int(claimant.rawValue)],
                    reason: body.reason))
                return try await DisputeRow.load(dispute, lock: false, on: connection, logger: logger)
            }
        }
        guard let row else { throw Self.notFound(id) }
        return try JSONBody.response(DisputeView(row), status: .created)
    }

    // MARK: Helpers

    private func manager(_ context: APIRequestContext, target id: DealID?) async throws -> Principal {
        let principal = try authorizer.principal(context)
        try await authorizer.authorize(principal, .manageDeals, target: Self.target(id?.rawValue), logger: context.logger)
        return principal
    }

    private func audit(
        _ principal: Principal, _ action: String, deal: Int64, after: [String: StoredJSON], on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
            actorStaffID: principal.staffID, actorRole: principal.auditRole.rawValue, action: action, targetType: "deal",
            targetID: deal, after: after))
    }

    /// A party by requester id (must exist) or Telegram id (created on first sight, like intake does).
    static func party(_ party: NewDealRequest.Party, field: String, on connection: PostgresConnection, logger: Logger)
        async throws -> RequesterID
    {
        if let id = party.requesterID {
            let rows = try await connection.query("SELECT 1 FROM requester WHERE id = \(id)", logger: logger).collect()
            guard !rows.isEmpty else { throw APIError(.conflict, code: "unknown_requester", message: "\(field).requester_id: no requester \(id)") }
            return RequesterID(id)
        }
        let telegram = party.telegramID ?? ""
        let name = PlainText.hasContent(party.name) ? party.name! : "Telegram user \(telegram)"
        return try await RequesterStore(connection: connection, logger: logger)
            .resolve(RequesterIdentityClaim(channel: .telegram, externalID: telegram, displayName: name)).id
    }

    /// The store's refusals as 409s.
    private func refusals<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let refusal as DealStore.Refusal {
            let code = switch refusal {
            case .differentDeal: "deal_conflict"
            case .rule(.depositNotConfirmed): "deposit_required"
            case .rule: "deal_state"
            case .disputeOpen: "dispute_open"
            case .notAParty: "not_a_party"
            }
            if case .notAParty = refusal { throw APIError(.notFound, code: "not_found", message: "no such deal") }
            throw APIError(.conflict, code: code, message: refusal.description)
        }
    }

    static func dealID(_ context: APIRequestContext) throws -> DealID {
        guard let raw = context.parameters.get("id"), let id = DealID(raw) else {
            throw APIError(.badRequest, code: "invalid_parameter", message: "id: a deal id")
        }
        return id
    }

    static func notFound(_ id: DealID) -> APIError { APIError(.notFound, code: "not_found", message: "no deal \(id)") }
    static func target(_ id: Int64?) -> AuditTarget { AuditTarget(type: "deal", id: id) }
}
