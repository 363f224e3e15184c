import Hummingbird
import Logging
import SupportDomain
import SupportSchema
import SupportStore

/// `POST /api/v1/staff/me/away` (`{"away": true}`): staff step away and back; routing gives them nothing
/// new while away. Any staff member, for themselves only; audited.
struct StaffAwayController: Sendable {
    let database: Database
    let authorizer: Authorizer

    struct AwayRequest: Decodable {
        var away: Bool
    }

    struct AwayState: Encodable {
        var id: Int64
        var away: Bool
    }

    func add(to group: RouterGroup<APIRequestContext>) {
        group.post("staff/me/away") { request, context in try await set(request, context: context) }
    }

    func set(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try authorizer.principal(context)
        guard let staff = principal.staffID else {
            try await authorizer.deny(
                principal, code: "staff_only", message: "only staff accounts step away", action: nil, target: .staff(nil),
                logger: context.logger)
        }
        let away = try await JSONBody.decode(AwayRequest.self, from: request, limit: 64 << 10).away
        let logger = context.logger
        try await database.transaction { connection in
            let rows = try await connection.query(
                "SELECT is_away FROM staff WHERE id = \(staff.rawValue) FOR UPDATE", logger: logger
            ).collect()
            let before = try rows.first?.decode(Bool.self) ?? false
            try await connection.query("UPDATE staff SET is_away = \(away) WHERE id = \(staff.rawValue)", logger: logger)
            try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                actorStaffID: staff, actorRole: principal.auditRole.rawValue, action: "staff.away", targetType: "staff",
                targetID: staff.rawValue, before: ["away": .bool(before)], after: ["away": .bool(away)]))
        }
        return try JSONBody.response(AwayState(id: staff.rawValue, away: away))
    }
}
