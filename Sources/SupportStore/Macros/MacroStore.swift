import Foundation
public import Logging
public import PostgresNIO
public import SupportSchema

/// Canned replies: the ones a staff member may use (their own and their teams'), and applying one
/// to a ticket as a staff reply through ``StaffReply``.
public struct MacroStore: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    static let columns = "m.id, m.title, m.body, m.owner_staff_id, m.team_id, m.set_status, m.set_category, m.updated_at"

    private func macros(_ query: PostgresQuery) async throws -> [Macro] {
        try await connection.query(query, logger: logger).collect().map { row in
            let (id, title, body, owner, team, status, category, updated) = try row.decode(
                (Int64, String, String, Int64?, Int64?, String?, String?, Date).self)
            return Macro(
                id: id, title: title, body: body, ownerStaffID: owner.map { StaffID(rawValue: $0) }, teamID: team.map { TeamID(rawValue: $0) },
                setStatus: try status.map { try KnowledgeStore.decode($0) }, setCategory: try category.map { try KnowledgeStore.decode($0) },
                updatedAt: updated)
        }
    }

    /// Macros `staff` may use: personal first, then by title; `category` puts the ones setting it first.
    public func usable(by staff: StaffID, category: SupportSchema.Category? = nil, limit: Int = 200) async throws -> [Macro] {
        try await macros(
            """
            SELECT \(unescaped: Self.columns) FROM macro m
            WHERE m.owner_staff_id = \(staff.rawValue)
               OR m.team_id IN (SELECT team_id FROM team_member WHERE staff_id = \(staff.rawValue))
            ORDER BY (m.set_category IS NOT DISTINCT FROM \(category?.rawValue) AND \(category?.rawValue)::text IS NOT NULL) DESC,
                     m.team_id IS NOT NULL, lower(m.title), m.id
            LIMIT \(limit)
            """)
    }

    /// The macro if `staff` may use it.
    public func macro(_ id: Int64, usableBy staff: StaffID) async throws -> Macro? {
        try await macros(
            """
            SELECT \(unescaped: Self.columns) FROM macro m
            WHERE m.id = \(id) AND (m.owner_staff_id = \(staff.rawValue)
               OR m.team_id IN (SELECT team_id FROM team_member WHERE staff_id = \(staff.rawValue)))
            """
        ).first
    }

    /// Whether `staff` belongs to `team` (only members add team macros).
    public func isMember(_ staff: StaffID, of team: TeamID) async throws -> Bool {
        try await connection.query(
            "SELECT EXISTS (SELECT 1 FROM team_member WHERE staff_id = \(staff.rawValue) AND team_id = \(team.rawValue))",
            logger: logger
        ).collect().first?.decode(Bool.self) ?? false
    }

    public func create(_ new: NewMacro, by staff: StaffID) async throws -> Macro {
        guard let created = try await macros(
            """
            WITH m AS (
                INSERT INTO macro (title, body, owner_staff_id, team_id, set_status, set_category, created_by_staff_id)
                VALUES (\(new.title), \(new.body), \(new.teamID == nil ? staff.rawValue : nil), \(new.teamID?.rawValue),
                        \(new.setStatus?.rawValue), \(new.setCategory?.rawValue), \(staff.rawValue))
                RETURNING *
            )
            SELECT \(unescaped: Self.columns) FROM m
            """
        ).first else { throw TicketStoreError.unexpectedValue("INSERT returned no macro") }
        return created
    }

    /// What a macro's placeholders are filled with on a ticket.
    public struct TicketFields: Sendable, Hashable {
        public var requesterName: String
        public var ticketNumber: Int64
        /// The nearest running SLA deadline, if any.
        public var expectedBy: Date?
        public var category: SupportSchema.Category?
    }

    public func fields(of ticket: TicketID) async throws -> TicketFields? {
        let rows = try await connection.query(
            """
            SELECT coalesce(nullif(r.display_name, ''), ''), t.number, t.sla_due_at, t.category
            FROM ticket t JOIN requester r ON r.id = t.requester_id WHERE t.id = \(ticket.rawValue)
            """, logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        let (name, number, due, category) = try row.decode((String, Int64, Date?, String?).self)
        return TicketFields(
            requesterName: name, ticketNumber: number, expectedBy: due, category: try category.map { try KnowledgeStore.decode($0) })
    }

    /// Sets the ticket's category (a macro's `set_category`), recorded as a reclassification by staff.
    public func setCategory(_ category: SupportSchema.Category, on ticket: TicketID, by staff: StaffID, macro: Int64) async throws {
        let rows = try await connection.query(
            """
            UPDATE ticket SET category = \(category.rawValue)
            WHERE id = \(ticket.rawValue) AND category IS DISTINCT FROM \(category.rawValue) RETURNING id
            """, logger: logger
        ).collect()
        guard !rows.isEmpty else { return }
        try await TicketStore(connection: connection, logger: logger).recordEvent(
            ticket, .classified, actor: .staff(staff),
            data: ["category": .string(category.rawValue), "reason": "macro", "macro_id": .int(macro)])
    }
}
