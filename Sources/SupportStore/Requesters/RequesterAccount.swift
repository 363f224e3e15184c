public import Foundation
public import Logging
public import PostgresNIO
public import SupportSchema

/// "View requester's account": who they are on every channel and everything they have with the desk.
/// The caller filters `tickets` by the row rules before showing them.
public struct RequesterAccount: Sendable, Encodable {
    public struct Identity: Sendable, Encodable {
        public var channel: String
        public var externalID: String
        public var display: String?
        public var verified: Bool
        enum CodingKeys: String, CodingKey { case channel, display, verified, externalID = "external_id" }
    }

    public struct Ticket: Sendable, Encodable {
        public var id: Int64
        public var number: Int64
        public var channel: String
        public var subject: String
        public var status: String
        public var category: String?
        public var csatScore: Int?
        public var createdAt: Date
        enum CodingKeys: String, CodingKey {
            case id, number, channel, subject, status, category
            case csatScore = "csat_score"
            case createdAt = "created_at"
        }
    }

    public struct Deal: Sendable, Encodable {
        public var id: Int64
        public var externalRef: String
        public var role: String
        public var amount: String
        public var currency: String
        public var status: String
        enum CodingKeys: String, CodingKey { case id, role, amount, currency, status, externalRef = "external_ref" }
    }

    public struct Dispute: Sendable, Encodable {
        public var id: Int64
        public var dealID: Int64
        public var state: String
        public var role: String
        enum CodingKeys: String, CodingKey { case id, state, role, dealID = "deal_id" }
    }

    public struct Punishment: Sendable, Encodable {
        public var id: Int64
        public var kind: String
        public var chatID: String
        public var reason: String
        public var issuedAt: Date
        public var expiresAt: Date?
        public var lifted: Bool
        /// Appeal decisions on it, oldest first: `{"round", "outcome", "reasons", "decided_at"}`.
        public var appeals: [StoredJSON]
        enum CodingKeys: String, CodingKey {
            case id, kind, reason, lifted, appeals
            case chatID = "chat_id", issuedAt = "issued_at", expiresAt = "expires_at"
        }
    }

    public var id: Int64
    public var displayName: String
    public var locale: String
    public var contractName: String?
    public var contractEmail: String?
    public var identities: [Identity]
    public var tickets: [Ticket]
    public var deals: [Deal]
    public var disputes: [Dispute]
    public var punishments: [Punishment]
    /// Mean of the CSAT scores on the tickets shown, nil without any.
    public var csatAverage: Double?

    enum CodingKeys: String, CodingKey {
        case id, locale, identities, tickets, deals, disputes, punishments
        case displayName = "display_name"
        case contractName = "contract_name"
        case contractEmail = "contract_email"
        case csatAverage = "csat_average"
    }

    /// The survivor's account (a merged-away id leads to the requester it was merged into); nil if unknown.
    public static func load(_ requested: RequesterID, on connection: PostgresConnection, logger: Logger) async throws -> RequesterAccount? {
        let id = try await RequesterStore(connection: connection, logger: logger).survivor(of: requested).rawValue
        let rows = try await connection.query(
            "SELECT display_name, locale, contract_name, contract_email FROM requester WHERE id = \(id)", logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        let (name, locale, contractName, contractEmail) = try row.decode((String, String, String?, String?).self)
        let identities = try await connection.query(
            "SELECT channel, external_id, display, verified FROM requester_identity WHERE requester_id = \(id) ORDER BY id",
            logger: logger
        ).collect().map { row in
            let (channel, external, display, verified) = try row.decode((String, String, String?, Bool).self)
            return Identity(channel: channel, externalID: external, display: display, verified: verified)
        }
        let tickets = try await connection.query(
            """
            SELECT id, number, channel, subject, status, category, csat_score, created_at FROM ticket
            WHERE requester_id = \(id) ORDER BY created_at DESC, id DESC LIMIT 200
            """, logger: logger
        ).collect().map { row in
            let (ticket, number, channel, subject, status, category, csat, created) = try row.decode(
                (Int64, Int64, String, String, String, String?, Int16?, Date).self)
            return Ticket(
                id: ticket, number: number, channel: channel, subject: subject, status: status, category: category,
                csatScore: csat.map(Int.init), createdAt: created)
        }
        let deals = try await connection.query(
            """
            SELECT id, external_ref, CASE WHEN buyer_id = \(id) THEN 'buyer' ELSE 'seller' END, amount::text, currency, status
            FROM deal WHERE buyer_id = \(id) OR seller_id = \(id) ORDER BY id DESC LIMIT 200
            """, logger: logger
        ).collect().map { row in
            let (deal, ref, role, amount, currency, status) = try row.decode((Int64, String, String, String, String, String).self)
            return Deal(id: deal, externalRef: ref, role: role, amount: amount, currency: currency, status: status)
        }
        let disputes = try await connection.query(
            """
            SELECT id, deal_id, state, CASE WHEN opened_by_id = \(id) THEN 'claimant' ELSE 'respondent' END
            FROM dispute WHERE opened_by_id = \(id) OR respondent_id = \(id) ORDER BY id DESC LIMIT 200
            """, logger: logger
        ).collect().map { row in
            let (dispute, deal, state, role) = try row.decode((Int64, Int64, String, String).self)
            return Dispute(id: dispute, dealID: deal, state: state, role: role)
        }
        let punishments = try await connection.query(
            """
            SELECT p.id, p.kind, p.chat_id, p.reason, p.issued_at, p.expires_at, p.lifted,
                   array(SELECT d.round || '|' || d.outcome || '|' || to_char(d.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                                || '|' || d.reasons
                         FROM punishment_appeal_decision d WHERE d.punishment_id = p.id ORDER BY d.round)
            FROM punishment p WHERE p.requester_id = \(id) ORDER BY p.issued_at DESC LIMIT 200
            """, logger: logger
        ).collect().map { row in
            let (punishment, kind, chat, reason, issued, expires, lifted, appeals) = try row.decode(
                (Int64, String, String, String, Date, Date?, Bool, [String]).self)
            let decisions: [StoredJSON] = appeals.map { text in
                let parts = text.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
                return .object([
                    "round": .int(Int64(parts[0]) ?? 0), "outcome": .string(parts[1]), "decided_at": .string(parts[2]),
                    "reasons": .string(parts.count > 3 ? parts[3] : ""),
                ])
            }
            return Punishment(
                id: punishment, kind: kind, chatID: chat, reason: reason, issuedAt: issued, expiresAt: expires, lifted: lifted,
                appeals: decisions)
        }
        return RequesterAccount(
            id: id, displayName: name, locale: locale, contractName: contractName, contractEmail: contractEmail,
            identities: identities, tickets: tickets, deals: deals, disputes: disputes, punishments: punishments,
            csatAverage: nil)
    }

    /// Keeps only the tickets `shown` allows, and averages their CSAT.
    public func filteringTickets(_ shown: (Int64) -> Bool) -> RequesterAccount {
        var account = self
        account.tickets = tickets.filter { shown($0.id) }
        let scores = account.tickets.compactMap(\.csatScore)
        account.csatAverage = scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count)
        return account
    }
}
