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
        /// A single-valued parameter as sent (empty included: `cursor=` is not "no cursor").
        func single(_ name: String) -> String? { query.getAll(name).last.map { String($0) } }
        var filter = TicketListFilter()
        filter.statuses = try enums("status", TicketStatus.self)
        filter.lines = try enums("line", Line.self)
        filter.categories = try enums("category", Category.self)
        filter.priorities = try enums("priority", Priority.self)
        for raw in values("team") {
            guard let id = TeamID(raw), id.rawValue > 0 else { throw APIError(.badRequest, code: "invalid_parameter", message: "team: a team id") }
            filter.teams.append(id)
        }
        if let raw = single("assignee") {
            switch raw {
            case "none": filter.assignee = .unassigned
            case "me":
                guard let me else { throw APIError(.badRequest, code: "invalid_parameter", message: "assignee: `me` is for staff") }
                filter.assignee = .staff(me)
            default:
                guard let id = shortID(raw).map({ StaffID($0) }) else {
                    throw APIError(.badRequest, code: "invalid_parameter", message: "assignee: a staff id, `me` or `none`")
                }
                filter.assignee = .staff(id)
            }
        }
        if let raw = single("sla_due_within") {
            guard let minutes = Int64(raw), (0...maxSLAMinutes).contains(minutes) else {
                throw APIError(.badRequest, code: "invalid_parameter", message: "sla_due_within: minutes, 0 to \(maxSLAMinutes)")
            }
            filter.slaDueWithin = minutes * 60
        }
        if let raw = single("cursor") {
            guard let id = shortID(raw).map({ TicketID($0) }) else { throw APIError(.badRequest, code: "invalid_parameter", message: "cursor: as returned in next_cursor") }
            filter.beforeID = id
        }
        if let raw = single("limit") {
            guard let limit = Int(raw), (1...maxLimit).contains(limit) else {
                throw APIError(.badRequest, code: "invalid_parameter", message: "limit: 1 to \(maxLimit)")
            }
            filter.limit = limit
        }
        return filter
    }

    /// 1 to 18 ASCII digits, as the document's `^[0-9]{1,18}$` patterns say (always fits Int64).
    static func shortID(_ raw: String) -> Int64? {
        guard (1...18).contains(raw.utf8.count), raw.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int64(raw)
    }
}
