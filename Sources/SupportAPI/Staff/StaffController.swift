import Hummingbird
import Logging
import NIOPosix
import SupportDomain
import SupportSchema
import SupportStore

/// `POST /api/v1/staff`: owners (permission `manage_staff`) create staff accounts. The account and
/// its `staff.create` audit row commit together.
struct StaffController: Sendable {
    let database: Database
    let authorizer: Authorizer
    let bcryptCost: UInt8

    static let bodyLimit = 16 << 10

    func add(to group: RouterGroup<APIRequestContext>) {
        group.post("staff") { request, context in try await create(request, context: context) }
    }

    func create(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try authorizer.principal(context)
        try await authorizer.authorize(principal, .manageStaff, target: .staff(nil), logger: context.logger)
        let body = try await JSONBody.decode(NewStaffRequest.self, from: request, limit: Self.bodyLimit)
        let cost = bcryptCost
        // Validate first (cheap, clear 400s), then hash on NIO's blocking pool.
        var validated = try body.validated()
        let password = body.password
        validated.passwordHash = try await NIOThreadPool.singleton.runIfActive { password.map { PasswordHashing.hash($0, cost: cost) } }
        let created = try await save(validated, principal: principal, logger: context.logger)
        return try JSONBody.response(created, status: .created)
    }

    /// Saves a validated account with its `staff.create` audit row in one transaction; 409 if the email is taken.
    /// Shared with the console's admin page (the caller has checked `manage_staff`).
    func save(_ account: NewStaffAccount, principal: Principal, logger: Logger) async throws -> StaffAccount {
        do {
            return try await database.transaction { connection in
                let created = try await StaffStore(connection: connection, logger: logger).create(account)
                try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                    actorStaffID: principal.staffID, actorRole: principal.auditRole.rawValue, action: "staff.create",
                    targetType: "staff", targetID: created.id.rawValue, before: nil, after: Self.auditFields(created)))
                return created
            }
        } catch let error as StaffStoreError {
            throw APIError(.conflict, code: "staff_exists", message: error.description)
        }
    }

    static func auditFields(_ account: StaffAccount) -> [String: StoredJSON] {
        [
            "id": .int(account.id.rawValue), "name": .string(account.name), "email": .string(account.email),
            "roles": .array(account.roles.map { .string($0.rawValue) }), "active": .bool(account.active),
        ]
    }
}
