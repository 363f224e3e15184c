import Foundation
import SupportDomain
import SupportSchema
import SupportStore

/// `POST /api/v1/macros`: `{"title", "body", "team_id"?, "set_status"?, "set_category"?}`; checked as the
/// OpenAPI document says (lengths in Unicode scalars, no NUL, not only spaces). An unknown `{{placeholder}}`
/// is schema-valid text the desk cannot fill: 409 `unknown_placeholder`.
struct MacroRequest: Decodable {
    var title: String?
    var body: String?
    var teamID: Int64?
    var setStatus: String?
    var setCategory: String?

    enum CodingKeys: String, CodingKey {
        case title, body
        case teamID = "team_id"
        case setStatus = "set_status"
        case setCategory = "set_category"
    }

    static let maximumTitle = 200
    static let maximumBody = 4000

    func validated() throws(APIError) -> NewMacro {
        guard let title else { throw KBArticleRequest.missing("title") }
        guard let body else { throw KBArticleRequest.missing("body") }
        var macro = NewMacro(
            title: try KBArticleRequest.nonBlank(title, "title", maximum: Self.maximumTitle),
            body: try KBArticleRequest.nonBlank(body, "body", maximum: Self.maximumBody))
        if let teamID {
            guard teamID >= 1 else { throw KBArticleRequest.invalid("team_id: a team id") }
            macro.teamID = TeamID(rawValue: teamID)
        }
        if let setStatus {
            guard let status = TicketStatus(rawValue: setStatus), StaffReply.settable.contains(status) else {
                throw KBArticleRequest.invalid("set_status: one of \(StaffReply.settable.map(\.rawValue).joined(separator: ", "))")
            }
            macro.setStatus = status
        }
        if let setCategory { macro.setCategory = try KBArticleRequest.schemaEnum(setCategory, "set_category") as SupportSchema.Category }
        do {
            _ = try MacroTemplate(macro.body)
        } catch {
            throw APIError(.conflict, code: "unknown_placeholder", message: "body: \(error)")
        }
        return macro
    }
}

/// `POST /api/v1/tickets/{id}/apply-macro`: `{"macro_id": 3}`.
struct ApplyMacroRequest: Decodable {
    var macroID: Int64

    enum CodingKeys: String, CodingKey {
        case macroID = "macro_id"
    }
}

/// The staff reply a macro posted.
struct AppliedMacro: Encodable {
    var id: Int64
    var ticketID: Int64
    var status: String
    var category: String?
    var body: String

    enum CodingKeys: String, CodingKey {
        case id, status, category, body
        case ticketID = "ticket_id"
    }
}

/// A list of macros.
struct MacroPage: Encodable {
    var items: [Macro]
}

/// What the console shows next to a ticket.
struct TicketSuggestions: Encodable {
    var articles: [KBSearchHit]
    var macros: [Macro]
}
