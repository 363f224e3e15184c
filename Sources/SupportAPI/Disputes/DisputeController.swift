import Foundation
import Hummingbird
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// `GET /api/v1/disputes/{id}` and `POST /api/v1/disputes/{id}/actions`: the parties, the arbiter
/// and owners move a dispute through ``DisputeMachine``.
///
/// Staff need `decide_dispute` (`approve_payout` to approve a payout) and then the machine's own
/// rules (the seat, the decider is not the approver…). A refusal for who asked is a 403 with an
/// `access.denied` audit row; one for the dispute's state is a 409 naming the rule.
struct DisputeController: Sendable {
    let database: Database
    let authorizer: Authorizer
    let queue: JobQueue

    var access: DisputeAccess { DisputeAccess(database: database) }

    func add(to group: RouterGroup<APIRequestContext>) {
        group.get("disputes/{id}") { _, context in
            let principal = try authorizer.principal(context)
            return try JSONBody.response(DisputeView(try await access.visible(context, principal: principal)))
        }
        group.post("disputes/{id}/actions") { request, context in try await act(request, context: context) }
    }

    func act(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try authorizer.principal(context)
        let body = try await JSONBody.decode(DisputeActionRequest.self, from: request, limit: DealController.bodyLimit)
        let after = try await act(body, on: try DisputeAccess.disputeID(context), by: principal, logger: context.logger)
        return try JSONBody.response(DisputeView(after))
    }

    /// One command on dispute `id` by `principal`: the permission (audited), the 404 for who may not see
    /// it, the machine's rules (403 audited for who asked, 409 for the state); the dispute afterwards.
    /// The API and the console.
    func act(_ body: DisputeActionRequest, on id: DisputeID, by principal: Principal, logger: Logger) async throws -> DisputeRow {
        let kind = try body.kind
        if principal.staffID != nil {
            let action: StaffAction = kind == .approvePayout ? .approvePayout : .decideDispute
            try await authorizer.authorize(principal, action, target: DisputeAccess.target(id), logger: logger)
        }
        let row = try await database.connection { try await DisputeRow.load(id, lock: false, on: $0, logger: logger) }
        guard let row, DisputeAccess.maySee(principal, row.record) else { throw DisputeAccess.notFound(id) }
        var assigneeRoles: Set<Role> = []
        if kind == .assignArbiter, let staff = body.staffID {
            assigneeRoles = try await roles(of: staff, logger: logger)
        }
        let command = try body.command(assigneeRoles: assigneeRoles)
        let actor = DisputeAccess.actor(principal)
        do {
            try await queue.transaction { connection, jobs in
                try await DisputeDesk(connection: connection, jobs: jobs, logger: logger)
                    .apply(command, by: actor, role: principal.auditRole, to: id)
            }
        } catch let refusal as DisputeTransitionError {
            if refusal.isActorRefusal {
                try await authorizer.deny(
                    principal, code: refusal.code.description, message: refusal.detail, action: nil,
                    target: DisputeAccess.target(id), logger: logger)
            }
            // The request itself was checked above; what the machine refuses is the dispute's state.
            throw APIError(.conflict, code: refusal.code.description, message: refusal.description)
        }
        let after = try await database.connection { try await DisputeRow.load(id, lock: false, on: $0, logger: logger) }
        guard let after else { throw DisputeAccess.notFound(id) }
        return after
    }

    private func roles(of staff: Int64, logger: Logger) async throws -> Set<Role> {
        let rows = try await database.connection {
            try await $0.query("SELECT roles FROM staff WHERE id = \(staff) AND active", logger: logger).collect()
        }
        guard let roles = try rows.first?.decode([String].self) else {
            throw APIError(.conflict, code: "unknown_staff", message: "staff_id: no active staff member \(staff)")
        }
        return Set(roles.compactMap(Role.init(rawValue:)))
    }
}
