import Hummingbird
import SupportSchema
import SupportStore

/// Parses `GET /api/v1/tickets`'s query string into a ``TicketListFilter``; a bad value is a 400
/// naming the parameter. Repeated parameters and comma-separated values both mean "any of".
enum TicketListQuery {
    static let maxLimit = 100
    /// A week: SLA risk further out is not risk.
    static let maxSLAMinutes: Int64 = 7 * 24 * 60

    static func filter(from request: Request, me: StaffID?) throws(APIError) -> TicketListFilter {
        let query = request.uri.queryParameters
        func values(_ name: String) -> [String] {
            query.getAll(name).flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
                .filter { !$0.isEmpty }
        }
        func enums<E: SchemaEnum>(_ name: String, _ type: E.Type) throws(APIError) -> [E] {
            var out: [E] = []
            for raw in values(name) {
                guard let value = E(rawValue: raw) else {
                    throw APIError(.badRequest, code: "invalid_parameter", message: "\(name): one of \(E.rawValues.joined(separator: ", "))")
                }
                out.append(value)
            }
            return out
        }
        var filter = TicketListFilter()
        filter.statuses = try enums("status", TicketStatus.self)
        filter.lines = try enums("line", Line.self)
        filter.categories = try enums("category", Category.self)
        filter.priorities = try enums("priority", Priority.self)
        for raw in values("team") {
            guard let id = TeamID(raw) else { throw APIError(.badRequest, code: "invalid_parameter", message: "team: a team id") }
            filter.teams.append(id)
        }
        if let raw = values("assignee").last {
            switch raw {
            case "none": filter.assignee = .unassigned
            case "me":
                guard let me else { throw APIError(.badRequest, code: "invalid_parameter", message: "assignee: `me` is for staff") }
                filter.assignee = .staff(me)
            default:
                guard let id = StaffID(raw) else {
                    throw APIError(.badRequest, code: "invalid_parameter", message: "assignee: a staff id, `me` or `none`")
                }
                filter.assignee = .staff(id)
            }
        }
        if let raw = values("sla_due_within").last {
            guard let minutes = Int64(raw), (0...maxSLAMinutes).contains(minutes) else {
                throw APIError(.badRequest, code: "invalid_parameter", message: "sla_due_within: minutes, 0 to \(maxSLAMinutes)")
            }
            filter.slaDueWithin = minutes * 60
        }
        if let raw = values("cursor").last {
            guard let id = TicketID(raw) else { throw APIError(.badRequest, code: "invalid_parameter", message: "cursor: as returned in next_cursor") }
            filter.beforeID = id
        }
        if let raw = values("limit").last {
            guard let limit = Int(raw), (1...maxLimit).contains(limit) else {
                throw APIError(.badRequest, code: "invalid_parameter", message: "limit: 1 to \(maxLimit)")
            }
            filter.limit = limit
        }
        return filter
    }
}
