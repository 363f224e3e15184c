public import Foundation
public import SupportSchema

/// A canned reply (`macro`): personal (``ownerStaffID``) or a team's (``teamID``).
public struct Macro: Sendable, Hashable, Encodable {
    public var id: Int64
    public var title: String
    public var body: String
    public var ownerStaffID: StaffID?
    public var teamID: TeamID?
    public var setStatus: TicketStatus?
    public var setCategory: SupportSchema.Category?
    public var updatedAt: Date

    /// `personal` or `team`.
    public var scope: String { teamID == nil ? "personal" : "team" }

    enum CodingKeys: String, CodingKey {
        case id, title, body, scope
        case ownerStaffID = "owner_staff_id"
        case teamID = "team_id"
        case setStatus = "set_status"
        case setCategory = "set_category"
        case updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(body, forKey: .body)
        try container.encode(scope, forKey: .scope)
        try container.encode(ownerStaffID, forKey: .ownerStaffID)
        try container.encode(teamID, forKey: .teamID)
        try container.encode(setStatus, forKey: .setStatus)
        try container.encode(setCategory, forKey: .setCategory)
        try container.encode(updatedAt, forKey: .updatedAt)
    }

    init(id: Int64, title: String, body: String, ownerStaffID: StaffID?, teamID: TeamID?, setStatus: TicketStatus?,
         setCategory: SupportSchema.Category?, updatedAt: Date) {
        self.id = id
        self.title = title
        self.body = body
        self.ownerStaffID = ownerStaffID
        self.teamID = teamID
        self.setStatus = setStatus
        self.setCategory = setCategory
        self.updatedAt = updatedAt
    }

    /// The audited fields.
    public var auditFields: [String: StoredJSON] {
        [
            "title": .string(title), "body_length": .int(Int64(body.unicodeScalars.count)), "scope": .string(scope),
            "team_id": teamID.map { .int($0.rawValue) } ?? .null, "set_status": .optional(setStatus?.rawValue),
            "set_category": .optional(setCategory?.rawValue),
        ]
    }
}

/// A new macro: personal when `teamID` is nil.
public struct NewMacro: Sendable, Hashable {
    public var title: String
    public var body: String
    public var teamID: TeamID?
    public var setStatus: TicketStatus?
    public var setCategory: SupportSchema.Category?

    public init(title: String, body: String, teamID: TeamID? = nil, setStatus: TicketStatus? = nil, setCategory: SupportSchema.Category? = nil) {
        self.title = title
        self.body = body
        self.teamID = teamID
        self.setStatus = setStatus
        self.setCategory = setCategory
    }
}
