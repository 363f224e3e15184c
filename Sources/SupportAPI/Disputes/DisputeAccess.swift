import Logging
import SupportDomain
import SupportSchema
import SupportStore

/// Who may see a dispute: its two parties, the staff holding its seats, and owners. Everyone else
/// gets 404, as if it did not exist.
struct DisputeAccess: Sendable {
    let database: Database

    func visible(_ context: APIRequestContext, principal: Principal) async throws -> DisputeRow {
        let id = try Self.disputeID(context)
        let logger = context.logger
        let row = try await database.connection { try await DisputeRow.load(id, lock: false, on: $0, logger: logger) }
        guard let row, Self.maySee(principal, row.record) else { throw Self.notFound(id) }
        return row
    }

    static func maySee(_ principal: Principal, _ record: DisputeRecord) -> Bool {
        switch principal {
        case .requester(let id): record.parties.contains(id)
        case .staff(let id, let roles): roles.contains(.owner) || id == record.arbiter || id == record.appealArbiter
        }
    }

    /// The principal as the state machine's actor.
    static func actor(_ principal: Principal) -> DisputeActor {
        switch principal {
        case .requester(let id): .requester(id)
        case .staff(let id, let roles): .staff(id, roles: roles)
        }
    }

    static func disputeID(_ context: APIRequestContext) throws -> DisputeID {
        guard let raw = context.parameters.get("id"), let id = DisputeID(raw) else {
            throw APIError(.badRequest, code: "invalid_parameter", message: "id: a dispute id")
        }
        return id
    }

    static func notFound(_ id: DisputeID) -> APIError { APIError(.notFound, code: "not_found", message: "no dispute \(id)") }
    static func target(_ id: DisputeID) -> AuditTarget { AuditTarget(type: "dispute", id: id.rawValue) }
}
