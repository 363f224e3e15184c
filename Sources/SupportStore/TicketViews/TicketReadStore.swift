public import Logging
public import PostgresNIO
public import SupportDomain
public import SupportSchema
import Foundation

/// The read side of tickets for the API: the facts the row rules decide on, lists and details.
///
/// The staff list applies ``TicketAccess``'s rules in SQL (so pages are full and counts honest);
/// the API still runs every returned row through `Authorization` with ``accessFacts(_:)``.
public struct TicketReadStore: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    // MARK: Access facts

    /// Staff `s` is requester `r`: the same telegram user, or the same email on an email or portal
    /// identity or on the contract (as routing's conflict check decides).
    static func staffIsRequester(staff s: String, requester r: String) -> String {
        """
        (EXISTS (SELECT 1 FROM requester_identity i WHERE i.requester_id = \(r)
                   AND ((i.channel = 'telegram' AND i.external_id = \(s).telegram_user_id::text)
                        OR (i.channel IN ('email', 'web') AND i.external_id = \(s).email)))
         OR EXISTS (SELECT 1 FROM requester rc WHERE rc.id = \(r) AND rc.contract_email = \(s).email))
        """
    }

    /// `ids`: every requester account that is the staff member `s` (the same test as `staffIsRequester`),
    /// found through the identity and contract-email indexes rather than by testing every requester, and
    /// computed once per query: the staff list's conflict-of-interest rule joins it to every row.
    static func staffAsRequesters(staff s: String) -> String {
        """
        SELECT coalesce(array_agg(DISTINCT x.id), '{}') AS ids FROM (
            SELECT i.requester_id AS id FROM requester_identity i, \(s)
            WHERE (i.channel = 'telegram' AND i.external_id = \(s).telegram_user_id::text)
               OR (i.channel IN ('email', 'web') AND i.external_id = \(s).email)
            UNION ALL
            SELECT rc.id FROM requester rc, \(s) WHERE rc.contract_email = \(s).email) x
        """
    }

    /// The row-rule facts of these tickets, by id; missing ids do not exist.
    public func accessFacts(_ ids: [TicketID]) async throws -> [TicketID: TicketAccessFacts] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await connection.query(
            """
            SELECT t.id, t.requester_id, t.category, t.requested_category, t.is_confidential, t.named_staff_id,
                   (SELECT p.issued_by_staff_id FROM punishment p WHERE p.id = t.punishment_id),
                   ARRAY(SELECT a FROM dispute d, unnest(ARRAY[d.arbiter_id, d.appeal_arbiter_id]) AS a
                         WHERE d.ticket_id = t.id AND a IS NOT NULL),
                   ARRAY(SELECT s.id FROM staff s, (SELECT t.requester_id AS rid
                                                    UNION SELECT d.opened_by_id FROM dispute d WHERE d.ticket_id = t.id
                                                    UNION SELECT d.respondent_id FROM dispute d WHERE d.ticket_id = t.id) AS party
                         WHERE party.rid IS NOT NULL AND \(unescaped: Self.staffIsRequester(staff: "s", requester: "party.rid")))
            FROM ticket t WHERE t.id = ANY(\(ids.map(\.rawValue)))
            """, logger: logger
        ).collect()
        var out: [TicketID: TicketAccessFacts] = [:]
        for row in rows {
            let (id, requester, category, requested, confidential, named, punisher, arbiters, parties) = try row.decode(
                (Int64, Int64?, String?, String?, Bool, Int64?, Int64?, [Int64], [Int64]).self)
            let ticketID = TicketID(id)
            out[ticketID] = TicketAccessFacts(
                ticketID: ticketID, requesterID: requester.map { RequesterID($0) },
                category: category.flatMap { Category(rawValue: $0) }, requestedCategory: requested.flatMap { Category(rawValue: $0) },
                isConfidential: confidential, namedStaffID: named.map { StaffID($0) },
                assignedArbiters: Set(arbiters.map { StaffID($0) }),
                conflicts: ConflictOfInterest(
                    parties: Set(parties.map { StaffID($0) }), punishingModerator: punisher.map { StaffID($0) }))
        }
        return out
    }

    public func accessFacts(_ id: TicketID) async throws -> TicketAccessFacts? {
        try await accessFacts([id])[id]
    }

    // MARK: Lists

    static let summaryColumns = """
        t.id, t.number, t.subject, t.status, t.channel, t.category, t.requested_category, t.priority, t.line,
        t.team_id, t.assignee_id, t.requester_id, t.is_incident, t.is_confidential, t.sla_due_at, t.created_at, t.updated_at
        """

    /// A page of the tickets `staff` may see with these roles, newest first; one extra row is fetched
    /// to tell whether another page follows.
    public func staffList(staff: StaffID, rules: TicketAccess.VisibilityRules, filter: TicketListFilter) async throws -> (tickets: [TicketSummary], more: Bool) {
        var query: PostgresQuery = """
            WITH me AS (SELECT s.* FROM staff s WHERE s.id = \(staff.rawValue)),
                 mine AS MATERIALIZED (\(unescaped: Self.staffAsRequesters(staff: "me")))
            SELECT \(unescaped: Self.summaryColumns) FROM ticket t, mine
            WHERE t.named_staff_id IS DISTINCT FROM \(staff.rawValue)
              AND NOT coalesce(t.requester_id = ANY(mine.ids), false)
              AND NOT EXISTS (SELECT 1 FROM dispute d WHERE d.ticket_id = t.id
                                AND (d.opened_by_id = ANY(mine.ids) OR d.respondent_id = ANY(mine.ids)))
              AND NOT EXISTS (SELECT 1 FROM punishment p WHERE p.id = t.punishment_id AND p.issued_by_staff_id = \(staff.rawValue))
              AND (\(!rules.hideConfidential) OR NOT t.is_confidential)
              AND (\(!rules.hideComplaints) OR NOT (t.category IS NOT DISTINCT FROM 'complaint'
                       OR t.requested_category IS NOT DISTINCT FROM 'complaint' OR t.named_staff_id IS NOT NULL))
              AND (\(!rules.onlyAssignedDisputes) OR EXISTS (SELECT 1 FROM dispute d WHERE d.ticket_id = t.id
                       AND \(staff.rawValue) IN (d.arbiter_id, d.appeal_arbiter_id)))
            """
        Self.appendFilters(filter, to: &query)
        return try await page(query, limit: filter.limit)
    }

    /// A page of one requester's own tickets, newest first.
    public func requesterList(requester: RequesterID, filter: TicketListFilter) async throws -> (tickets: [TicketSummary], more: Bool) {
        var query: PostgresQuery = """
            SELECT \(unescaped: Self.summaryColumns) FROM ticket t WHERE t.requester_id = \(requester.rawValue)
            """
        Self.appendFilters(filter, to: &query)
        return try await page(query, limit: filter.limit)
    }

    static func appendFilters(_ filter: TicketListFilter, to query: inout PostgresQuery) {
        /// Appends `fragment` with its `$?` bound to `value` as the next parameter.
        func add(_ fragment: String, _ value: some PostgresDynamicTypeEncodable) {
            query.binds.append(value)
            query.sql += " " + fragment.replacingOccurrences(of: "$?", with: "$\(query.binds.count)")
        }
        if !filter.statuses.isEmpty { add("AND t.status = ANY($?)", filter.statuses.map(\.rawValue)) }
        if !filter.lines.isEmpty { add("AND t.line = ANY($?)", filter.lines.map(\.rawValue)) }
        if !filter.teams.isEmpty { add("AND t.team_id = ANY($?)", filter.teams.map(\.rawValue)) }
        if !filter.categories.isEmpty { add("AND t.category = ANY($?)", filter.categories.map(\.rawValue)) }
        if !filter.priorities.isEmpty { add("AND t.priority = ANY($?)", filter.priorities.map(\.rawValue)) }
        if let within = filter.slaDueWithin { add("AND t.sla_due_at <= now() + make_interval(secs => $?::float8)", Double(within)) }
        switch filter.assignee {
        case .staff(let id): add("AND t.assignee_id = $?", id.rawValue)
        case .unassigned: query.sql += " AND t.assignee_id IS NULL"
        case nil: break
        }
        if let before = filter.beforeID { add("AND t.id < $?", before.rawValue) }
        add("ORDER BY t.id DESC LIMIT $?", Int64(filter.limit + 1))
    }

    private func page(_ query: PostgresQuery, limit: Int) async throws -> (tickets: [TicketSummary], more: Bool) {
        let rows = try await connection.query(query, logger: logger).collect()
        var tickets = try rows.map(Self.summary)
        let more = tickets.count > limit
        if more { tickets.removeLast(tickets.count - limit) }
        return (tickets, more)
    }

    static func summary(_ row: PostgresRow) throws -> TicketSummary {
        let (id, number, subject, status, channel, category, requested, priority, line,
             team, assignee, requester, incident, confidential, slaDue, created, updated) = try row.decode(
            (Int64, Int64, String, String, String, String?, String?, String, String,
             Int64?, Int64?, Int64?, Bool, Bool, Date?, Date, Date).self)
        guard let status = TicketStatus(rawValue: status), let channel = Channel(rawValue: channel) else {
            throw TicketStoreError.unexpectedValue("ticket \(id): status \(status), channel \(channel)")
        }
        return TicketSummary(
            id: TicketID(id), number: number, subject: subject, status: status, channel: channel,
            category: category.flatMap { Category(rawValue: $0) }, requestedCategory: requested.flatMap { Category(rawValue: $0) },
            priority: Priority(rawValue: priority), line: Line(rawValue: line), teamID: team.map { TeamID($0) },
            assigneeID: assignee.map { StaffID($0) }, requesterID: requester.map { RequesterID($0) }, isIncident: incident,
            isConfidential: confidential, slaDueAt: slaDue, createdAt: created, updatedAt: updated)
    }

    // MARK: Detail

    /// The ticket with its thread; internal notes and history only when `includeInternal`.
    public func detail(_ id: TicketID, includeInternal: Bool) async throws -> TicketDetail? {
        let rows = try await connection.query(
            "SELECT \(unescaped: Self.summaryColumns) FROM ticket t WHERE t.id = \(id.rawValue)", logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        let ticket = try Self.summary(row)
        var messages: [TicketThreadMessage] = []
        let messageRows = try await connection.query(
            """
            SELECT id, author_kind, author_staff_id, author_requester_id, channel, body, is_internal, created_at
            FROM message WHERE ticket_id = \(id.rawValue) AND (\(includeInternal) OR NOT is_internal)
            ORDER BY created_at, id
            """, logger: logger
        ).collect()
        for row in messageRows {
            let (mid, kind, staff, requester, channel, body, isInternal, created) = try row.decode(
                (Int64, String, Int64?, Int64?, String, String, Bool, Date).self)
            guard let kind = AuthorKind(rawValue: kind), let channel = Channel(rawValue: channel) else {
                throw TicketStoreError.unexpectedValue("message \(mid): author_kind \(kind), channel \(channel)")
            }
            messages.append(TicketThreadMessage(
                id: MessageID(mid), authorKind: kind, authorStaffID: staff.map { StaffID($0) },
                authorRequesterID: requester.map { RequesterID($0) }, channel: channel, body: body, isInternal: isInternal,
                createdAt: created))
        }
        var events: [TicketHistoryEvent] = []
        if includeInternal {
            let eventRows = try await connection.query(
                """
                SELECT id, type, actor_kind, actor_id, data::text, at FROM ticket_event
                WHERE ticket_id = \(id.rawValue) ORDER BY at, id
                """, logger: logger
            ).collect()
            for row in eventRows {
                let (eid, type, kind, actor, data, at) = try row.decode((Int64, String, String, Int64?, String, Date).self)
                guard let kind = AuthorKind(rawValue: kind) else {
                    throw TicketStoreError.unexpectedValue("ticket_event \(eid): actor_kind \(kind)")
                }
                events.append(TicketHistoryEvent(
                    id: TicketEventID(eid), type: type, actorKind: kind, actorID: actor, data: JSONValue.parse(data), at: at))
            }
        }
        return TicketDetail(ticket: includeInternal ? ticket : ticket.forRequester, messages: messages, events: events)
    }
}
