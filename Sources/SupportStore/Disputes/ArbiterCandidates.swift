import Foundation
public import Logging
public import PostgresNIO
public import SupportDomain
public import SupportSchema

/// Loads what ``ArbiterDraw`` needs about every active arbiter and owner: their own requester accounts
/// (matched by Telegram id or email), when they last handled a ticket or issued a punishment of either
/// party, and whom they shared a deal with.
public enum ArbiterCandidates {
    public static func load(
        parties: Set<RequesterID>, excludingTicket ticket: TicketID?, on connection: PostgresConnection, logger: Logger
    ) async throws -> [ArbiterCandidate] {
        let partyIDs = parties.map(\.rawValue).sorted()
        var candidates: [StaffID: ArbiterCandidate] = [:]
        let staff = try await connection.query(
            """
            SELECT s.id, s.roles, s.active, s.is_away,
                   array(SELECT i.requester_id FROM requester_identity i
                         WHERE (i.channel = 'telegram' AND i.external_id = s.telegram_user_id::text)
                            OR (i.channel = 'email' AND lower(i.external_id) = s.email))
            FROM staff s WHERE s.active AND s.roles && ARRAY['arbiter', 'owner']::text[]
            """, logger: logger
        ).collect()
        for row in staff {
            let (id, roles, active, away, accounts) = try row.decode((Int64, [String], Bool, Bool, [Int64]).self)
            candidates[StaffID(id)] = ArbiterCandidate(
                id: StaffID(id), roles: Set(roles.compactMap(Role.init(rawValue:))), isActive: active, isAway: away,
                requesterAccounts: Set(accounts.map { RequesterID($0) }))
        }
        let tickets = try await connection.query(
            """
            SELECT assignee_id, requester_id, max(updated_at) FROM ticket
            WHERE requester_id = ANY (\(partyIDs)) AND assignee_id IS NOT NULL AND id <> coalesce(\(ticket?.rawValue)::bigint, 0)
            GROUP BY 1, 2
            """, logger: logger
        ).collect()
        for row in tickets {
            let (staffID, requester, at) = try row.decode((Int64, Int64, Date).self)
            candidates[StaffID(staffID)]?.lastTicketHandled[RequesterID(requester)] = at
        }
        let punishments = try await connection.query(
            """
            SELECT issued_by_staff_id, requester_id, max(issued_at) FROM punishment
            WHERE requester_id = ANY (\(partyIDs)) AND issued_by_staff_id IS NOT NULL GROUP BY 1, 2
            """, logger: logger
        ).collect()
        for row in punishments {
            let (staffID, requester, at) = try row.decode((Int64, Int64, Date).self)
            candidates[StaffID(staffID)]?.lastPunishmentHandled[RequesterID(requester)] = at
        }
        let deals = try await connection.query(
            "SELECT buyer_id, seller_id FROM deal WHERE buyer_id = ANY (\(partyIDs)) OR seller_id = ANY (\(partyIDs))",
            logger: logger
        ).collect().map { try $0.decode((Int64, Int64).self) }
        for id in Array(candidates.keys) {
            guard let accounts = candidates[id]?.requesterAccounts, !accounts.isEmpty else { continue }
            for (buyer, seller) in deals {
                if accounts.contains(RequesterID(buyer)) { candidates[id]?.dealCounterparties.insert(RequesterID(seller)) }
                if accounts.contains(RequesterID(seller)) { candidates[id]?.dealCounterparties.insert(RequesterID(buyer)) }
            }
        }
        return candidates.values.sorted { $0.id < $1.id }
    }
}
