import Foundation
import Logging
import PostgresNIO
import SupportSchema

/// Requesters and their channel identities, on a connection the caller holds (inside the caller's transaction,
/// so a resolve, a link or a merge commits together with whatever else the caller writes).
///
/// One person may write from telegram, email and the portal. An identity (channel + external id) belongs to
/// exactly one requester; identities meet on a verified email address, the contract email, an explicit
/// ``link(identity:to:)`` by staff, or a staff ``merge(_:into:by:)``. A merged requester keeps its row with
/// `merged_into_id` set, and every lookup follows that to the survivor.
///
/// ```swift
/// try await client.withTransaction(logger: logger) { connection in
///     let requesters = RequesterStore(connection: connection, logger: logger)
///     try await requesters.link(identity: NewRequesterIdentity(channel: .email, externalID: "ann@example.com"), to: ann)
///     try await requesters.merge(duplicate, into: ann, by: staffID)
/// }
/// ```
public struct RequesterStore: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    // MARK: Resolving

    /// Finds or creates the requester behind `claim`, follows merges, and locks the survivor's row
    /// (`FOR UPDATE`) until the transaction ends, so two items from one person are handled one after the other
    /// and cannot both create "the" open ticket.
    ///
    /// Order: the identity itself; else, when the claim carries an email, a verified email identity or a
    /// requester's `contract_email` (the identity is then added to that requester); else a new requester.
    public func resolve(_ claim: RequesterIdentityClaim) async throws -> ResolvedRequester {
        let (known, vouched) = try await lookUp(claim)
        if let known {
            return try await resolved(known.requester, identity: known.id, match: .identity)
        }
        if let owner = vouched {
            let survivor = try await lockSurvivor(of: owner)
            if let id = try await insertIdentity(claim, requester: survivor) {
                return try await resolved(survivor, identity: id, match: .email)
            }
            // Another transaction added the same identity meanwhile; use its row.
            return try await resolveExisting(claim)
        }
        let (created, identity, locale) = try await createRequester(claim)
        if let id = identity {
            // Our own row, not yet committed: nobody can have merged it or be waiting on it, so there is no
            // chain to follow and no lock to take (three statements fewer for every first contact).
            return ResolvedRequester(id: created, identityID: id, displayName: claim.displayName, locale: locale, match: .created)
        }
        // Lost a race with another item from the same person: drop our requester and use theirs.
        try await connection.query("DELETE FROM requester WHERE id = \(created.rawValue)", logger: logger)
        return try await resolveExisting(claim)
    }

    private func resolveExisting(_ claim: RequesterIdentityClaim) async throws -> ResolvedRequester {
        guard let known = try await identity(channel: claim.channel, externalID: claim.externalID) else {
            throw RequesterStoreError(.notFound, "identity \(claim.channel.rawValue) vanished after a conflict")
        }
        return try await resolved(known.requester, identity: known.id, match: .identity)
    }

    private func resolved(_ requester: RequesterID, identity: RequesterIdentityID, match: ResolvedRequester.Match)
        async throws -> ResolvedRequester
    {
        let survivor = try await lockSurvivor(of: requester)
        let row = try await connection.rows(of: NameSQL.self, Self.bind(survivor.rawValue), logger: logger).first
        guard let (name, locale) = try row?.decode((String, String).self) else {
            throw RequesterStoreError(.notFound, "requester \(survivor) not found")
        }
        return ResolvedRequester(id: survivor, identityID: identity, displayName: name, locale: locale, match: match)
    }

    /// The identity row for a channel address, if known.
    public func identity(channel: SupportChannel, externalID: String) async throws
        -> (id: RequesterIdentityID, requester: RequesterID)?
    {
        let key = channel == .email ? externalID.lowercased() : externalID
        let row = try await connection.rows(of: IdentitySQL.self, Self.bind(channel.rawValue, key), logger: logger).first
        guard let (id, requester) = try row?.decode((Int64, Int64).self) else { return nil }
        return (RequesterIdentityID(id), RequesterID(requester))
    }

    /// The claim's identity, and the requester its email address vouches for (a verified email identity
    /// first, then a contract email), in one statement: a first contact needs both, and the second was a
    /// round trip of its own.
    private func lookUp(_ claim: RequesterIdentityClaim) async throws
        -> (identity: (id: RequesterIdentityID, requester: RequesterID)?, vouched: RequesterID?)
    {
        var bindings = Self.bind(claim.channel.rawValue, claim.externalID)  // a claim lower-cases email ids itself
        bindings.append(claim.email)
        let rows = try await connection.rows(of: ClaimSQL.self, bindings, logger: logger)
        guard let (id, requester, vouched) = try rows.first?.decode((Int64?, Int64?, Int64?).self) else {
            throw RequesterStoreError(.notFound, "the identity lookup returned no row")
        }
        let identity = id.flatMap { id in requester.map { (RequesterIdentityID(id), RequesterID($0)) } }
        return (identity, vouched.map { RequesterID($0) })
    }

    /// A new requester with the claimed identity, in one statement; the identity is nil when another
    /// transaction holds it (the caller then drops the new requester).
    private func createRequester(
        _ claim: RequesterIdentityClaim
    ) async throws -> (RequesterID, identity: RequesterIdentityID?, locale: String) {
        let locale = claim.locale.flatMap { ["ru", "en"].contains($0) ? $0 : nil } ?? "ru"
        var bindings = PostgresBindings(capacity: 5)
        bindings.append(claim.displayName)
        bindings.append(locale)
        bindings.append(claim.channel.rawValue)
        bindings.append(claim.externalID)
        bindings.append(claim.display)
        let row = try await connection.rows(of: CreateSQL.self, bindings, logger: logger).first
        guard let (id, identity) = try row?.decode((Int64, Int64?).self) else {
            throw RequesterStoreError(.notFound, "INSERT returned no requester")
        }
        return (RequesterID(id), identity.map { RequesterIdentityID($0) }, locale)
    }

    /// Inserts the identity; nil when it already exists (its row wins).
    private func insertIdentity(_ claim: RequesterIdentityClaim, requester: RequesterID) async throws -> RequesterIdentityID? {
        var bindings = PostgresBindings(capacity: 4)
        bindings.append(requester.rawValue)
        bindings.append(claim.channel.rawValue)
        bindings.append(claim.externalID)
        bindings.append(claim.display)
        let row = try await connection.rows(of: InsertIdentitySQL.self, bindings, logger: logger).first
        return try row.map { RequesterIdentityID(try $0.decode(Int64.self)) }
    }

    // MARK: Merges

    /// The requester `id` was merged into, transitively; `id` itself when it was never merged.
    public func survivor(of id: RequesterID) async throws -> RequesterID {
        let rows = try await connection.rows(of: SurvivorSQL.self, Self.bind(id.rawValue), logger: logger)
        guard let (last, next) = try rows.first?.decode((Int64, Int64?).self) else {
            throw RequesterStoreError(.notFound, "requester \(id) not found")
        }
        guard next == nil else { throw RequesterStoreError(.mergeCycle, "requester \(id) merges more than 32 deep") }
        return RequesterID(last)
    }

    /// Follows merges and locks the survivor's row; re-checks after the lock, in case a merge committed between.
    private func lockSurvivor(of id: RequesterID) async throws -> RequesterID {
        var current = id
        for _ in 0..<4 {
            let survivor = try await survivor(of: current)
            let row = try await connection.rows(of: LockSQL.self, Self.bind(survivor.rawValue), logger: logger).first
            guard let row else { throw RequesterStoreError(.notFound, "requester \(survivor) not found") }
            if try row.decode(Int64?.self) == nil { return survivor }
            current = survivor
        }
        throw RequesterStoreError(.mergeCycle, "requester \(id) kept being merged while locking it")
    }

    /// Attaches an identity to a requester (staff say "this email is that telegram user"). An identity that
    /// belonged to someone else moves; a verified flag is never taken back.
    /// - Returns: The identity's id.
    @discardableResult
    public func link(identity: NewRequesterIdentity, to requester: RequesterID) async throws -> RequesterIdentityID {
        let target = try await lockSurvivor(of: requester)
        let row = try await connection.query(
            """
            INSERT INTO requester_identity (requester_id, channel, external_id, display, verified, verified_at)
            VALUES (\(target.rawValue), \(identity.channel.rawValue), \(identity.externalID), \(identity.display),
                    \(identity.verified), CASE WHEN \(identity.verified) THEN now() END)
            ON CONFLICT (channel, external_id) DO UPDATE SET
                requester_id = EXCLUDED.requester_id,
                display = coalesce(EXCLUDED.display, requester_identity.display),
                verified = requester_identity.verified OR EXCLUDED.verified,
                verified_at = coalesce(requester_identity.verified_at, EXCLUDED.verified_at)
            RETURNING id
            """,
            logger: logger
        ).collect().first
        guard let id = try row?.decode(Int64.self) else {
            throw RequesterStoreError(.notFound, "linking returned no identity")
        }
        return RequesterIdentityID(id)
    }

    /// Merges one requester into another (staff found the same person twice): tickets, identities, deals
    /// (buyer and seller), disputes, punishments, their messages and pending notifications move to the target;
    /// the source keeps its row with `merged_into_id` (earlier merges into it are repointed, so chains stay
    /// one step), and every moved ticket gets a `requester_merged` event. Dispute evidence stays signed by the
    /// source: it is immutable, and `merged_into_id` leads from it to the survivor.
    ///
    /// - Parameters:
    ///   - from: The duplicate; if it was merged before, its survivor is merged.
    ///   - into: The requester to keep; its survivor when it was merged itself.
    ///   - staff: Who merged, for the history; nil for the platform.
    public func merge(_ from: RequesterID, into: RequesterID, by staff: StaffID? = nil) async throws
        -> RequesterMergeSummary
    {
        let source = try await survivor(of: from)
        let target = try await survivor(of: into)
        guard source != target else {
            throw RequesterStoreError(.sameRequester, "requester \(from) is already requester \(into)")
        }
        // Lock both in id order so two opposite merges cannot deadlock.
        for id in [source, target].sorted() {
            try await connection.query("SELECT 1 FROM requester WHERE id = \(id.rawValue) FOR UPDATE", logger: logger)
        }
        let (s, t) = (source.rawValue, target.rawValue)
        let shared = try await count(
            """
            SELECT (SELECT count(*) FROM deal WHERE (buyer_id = \(s) AND seller_id = \(t)) OR (buyer_id = \(t) AND seller_id = \(s)))
                 + (SELECT count(*) FROM dispute WHERE (opened_by_id = \(s) AND respondent_id = \(t))
                                                    OR (opened_by_id = \(t) AND respondent_id = \(s)))
            """)
        guard shared == 0 else {
            throw RequesterStoreError(.sharedDeal, "requesters \(source) and \(target) are the two parties of a deal or dispute")
        }
        let actor: TicketActor = staff.map(TicketActor.staff) ?? .system
        let data = try StoredJSON.text(["from_requester_id": .int(s), "into_requester_id": .int(t)])
        var summary = RequesterMergeSummary(from: source, into: target)
        summary.ticketIDs = try await connection.query(
            """
            WITH moved AS (UPDATE ticket SET requester_id = \(t) WHERE requester_id = \(s) RETURNING id),
                 events AS (INSERT INTO ticket_event (ticket_id, type, actor_kind, actor_id, data)
                            SELECT id, 'requester_merged', \(actor.kind.rawValue), \(actor.id), \(data)::jsonb FROM moved
                            RETURNING ticket_id)
            SELECT ticket_id FROM events ORDER BY ticket_id
            """, logger: logger
        ).collect().map { TicketID(try $0.decode(Int64.self)) }
        summary.tickets = summary.ticketIDs.count
        summary.identities = try await moved("UPDATE requester_identity SET requester_id = \(t) WHERE requester_id = \(s) RETURNING 1")
        summary.deals = try await moved(
            "UPDATE deal SET buyer_id = CASE WHEN buyer_id = \(s) THEN \(t) ELSE buyer_id END, seller_id = CASE WHEN seller_id = \(s) THEN \(t) ELSE seller_id END WHERE buyer_id = \(s) OR seller_id = \(s) RETURNING 1")
        summary.disputes = try await moved(
            "UPDATE dispute SET opened_by_id = CASE WHEN opened_by_id = \(s) THEN \(t) ELSE opened_by_id END, respondent_id = CASE WHEN respondent_id = \(s) THEN \(t) ELSE respondent_id END WHERE opened_by_id = \(s) OR respondent_id = \(s) RETURNING 1")
        summary.punishments = try await moved("UPDATE punishment SET requester_id = \(t) WHERE requester_id = \(s) RETURNING 1")
        summary.messages = try await moved("UPDATE message SET author_requester_id = \(t) WHERE author_requester_id = \(s) RETURNING 1")
        _ = try await moved(
            "UPDATE notification SET recipient_requester_id = \(t) WHERE recipient_requester_id = \(s) AND status IN ('pending', 'failed') RETURNING 1")
        try await connection.query(
            """
            UPDATE requester AS target SET
                contract_name = coalesce(target.contract_name, source.contract_name),
                contract_email = coalesce(target.contract_email, source.contract_email),
                password_hash = coalesce(target.password_hash, source.password_hash)
            FROM requester AS source WHERE target.id = \(t) AND source.id = \(s)
            """,
            logger: logger)
        try await connection.query(
            "UPDATE requester SET merged_into_id = \(t) WHERE id = \(s) OR merged_into_id = \(s)", logger: logger)
        logger.info("requesters merged", metadata: [
            "from_requester_id": "\(source)", "into_requester_id": "\(target)", "tickets": "\(summary.tickets)",
            "identities": "\(summary.identities)",
        ])
        return summary
    }

    private func moved(_ query: PostgresQuery) async throws -> Int {
        try await connection.query(query, logger: logger).collect().count
    }

    private func count(_ query: PostgresQuery) async throws -> Int {
        let row = try await connection.query(query, logger: logger).collect().first
        return Int(try row?.decode(Int64.self) ?? 0)
    }

    // MARK: Statements of every intake job, prepared once per connection

    private static func bind(_ values: any PostgresDynamicTypeEncodable & Sendable...) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values { bindings.append(value) }
        return bindings
    }

    private enum NameSQL: RepeatedStatement {
        static let sql = "SELECT display_name, locale FROM requester WHERE id = $1"
        static let parameterTypes: [PostgresDataType] = [.int8]
    }

    private enum IdentitySQL: RepeatedStatement {
        static let sql = "SELECT id, requester_id FROM requester_identity WHERE channel = $1 AND external_id = $2"
        static let parameterTypes: [PostgresDataType] = [.text, .text]
    }

    /// One row: the identity (nulls when unknown) and, only then and only for an email, who it vouches for.
    private enum ClaimSQL: RepeatedStatement {
        static let sql = """
            SELECT i.id, i.requester_id, CASE WHEN i.id IS NULL THEN (
                SELECT requester_id FROM (
                    SELECT requester_id, 0 AS rank FROM requester_identity
                    WHERE channel = 'email' AND external_id = $3 AND verified
                    UNION ALL
                    SELECT id, 1 FROM requester WHERE contract_email = $3
                ) AS candidates ORDER BY rank, requester_id LIMIT 1) END
            FROM (VALUES (1)) AS one LEFT JOIN requester_identity i ON i.channel = $1 AND i.external_id = $2
            """
        static let parameterTypes: [PostgresDataType] = [.text, .text, .text]
    }

    private enum CreateSQL: RepeatedStatement {
        static let sql = """
            WITH r AS (INSERT INTO requester (display_name, locale) VALUES ($1, $2) RETURNING id),
                 i AS (INSERT INTO requester_identity (requester_id, channel, external_id, display)
                       SELECT id, $3, $4, $5 FROM r
                       ON CONFLICT (channel, external_id) DO NOTHING
                       RETURNING id)
            SELECT r.id, (SELECT id FROM i) FROM r
            """
        static let parameterTypes: [PostgresDataType] = [.text, .text, .text, .text, .text]
    }

    private enum InsertIdentitySQL: RepeatedStatement {
        static let sql = """
            INSERT INTO requester_identity (requester_id, channel, external_id, display) VALUES ($1, $2, $3, $4)
            ON CONFLICT (channel, external_id) DO NOTHING
            RETURNING id
            """
        static let parameterTypes: [PostgresDataType] = [.int8, .text, .text, .text]
    }

    private enum SurvivorSQL: RepeatedStatement {
        static let sql = """
            WITH RECURSIVE chain (id, merged_into_id, depth) AS (
                SELECT id, merged_into_id, 0 FROM requester WHERE id = $1
                UNION ALL
                SELECT r.id, r.merged_into_id, c.depth + 1
                FROM requester r JOIN chain c ON r.id = c.merged_into_id
                WHERE c.depth < 32
            )
            SELECT id, merged_into_id FROM chain ORDER BY depth DESC LIMIT 1
            """
        static let parameterTypes: [PostgresDataType] = [.int8]
    }

    private enum LockSQL: RepeatedStatement {
        static let sql = "SELECT merged_into_id FROM requester WHERE id = $1 FOR UPDATE"
        static let parameterTypes: [PostgresDataType] = [.int8]
    }
}
