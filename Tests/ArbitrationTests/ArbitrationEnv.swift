import Arbitration
import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore
import SupportTesting

/// A fresh database with arbiters, owners, a coder, two parties and an active deal; helpers to open
/// a dispute, act as someone, and run the due `dispute` jobs through ``DisputeHandler`` in process.
struct ArbitrationEnv: Sendable {
    let client: PostgresClient
    let logger: Logger
    let sql: SQLProbe
    let queue: JobQueue
    let settings: DatabaseSettings

    static func with(
        label: String = #function, _ body: @Sendable (ArbitrationEnv) async throws -> Void
    ) async throws {
        try await TestDatabase.with(label: label, migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                let env = ArbitrationEnv(
                    client: client, logger: db.logger, sql: SQLProbe(client: client, logger: db.logger),
                    queue: JobQueue(client: client, logger: db.logger), settings: db.settings)
                try await body(env)
            }
        }
    }

    @discardableResult
    func staff(_ email: String, roles: [Role], telegram: Int64? = nil) async throws -> StaffID {
        StaffID(Int64(try await sql.int(
            """
            INSERT INTO staff (name, email, roles, telegram_user_id) VALUES ('\(email)', '\(email)',
            ARRAY[\(roles.map { "'\($0.rawValue)'" }.joined(separator: ","))]::text[], \(telegram.map(String.init) ?? "NULL"))
            RETURNING id::int
            """)))
    }

    /// A requester known by a Telegram id.
    func requester(_ name: String, telegram: Int64) async throws -> RequesterID {
        let id = try await sql.int("INSERT INTO requester (display_name) VALUES ('\(name)') RETURNING id::int")
        try await sql.exec("INSERT INTO requester_identity (requester_id, channel, external_id) VALUES (\(id), 'telegram', '\(telegram)')")
        return RequesterID(Int64(id))
    }

    func deal(buyer: RequesterID, seller: RequesterID, amount: String = "100", ref: String = "G-1") async throws -> DealID {
        DealID(Int64(try await sql.int(
            """
            INSERT INTO deal (external_ref, buyer_id, seller_id, amount, currency, status, started_at)
            VALUES ('\(ref)', \(buyer), \(seller), \(amount), 'USDT', 'active', now()) RETURNING id::int
            """)))
    }

    func open(_ deal: DealID, by claimant: RequesterID, reason: String = "paid, nothing delivered") async throws -> DisputeID {
        try await queue.transaction { connection, jobs in
            try await DealStore(connection: connection, logger: logger).openDispute(deal, by: claimant, reason: reason, jobs: jobs)!
        }
    }

    @discardableResult
    func act(_ command: DisputeCommand, by actor: DisputeActor, role: Role? = nil, on dispute: DisputeID) async throws
        -> DisputeTransition?
    {
        try await queue.transaction { connection, jobs in
            try await DisputeDesk(connection: connection, jobs: jobs, logger: logger).apply(command, by: actor, role: role, to: dispute)
        }
    }

    func row(_ dispute: DisputeID) async throws -> DisputeRow {
        try await client.withConnection { try await DisputeRow.load(dispute, lock: false, on: $0, logger: logger)! }
    }

    func state(_ dispute: DisputeID) async throws -> DisputeState { try await row(dispute).record.state }

    /// Runs every due `dispute` job once through the handler, oldest first, deleting each after it
    /// ran, until none is due. - Returns: the events handled.
    @discardableResult
    func drain(_ handler: DisputeHandler) async throws -> [DisputeJob.Event] {
        var events: [DisputeJob.Event] = []
        while true {
            let rows = try await client.query(
                "SELECT id, payload FROM job WHERE queue = 'dispute' AND run_at <= now() ORDER BY run_at, id LIMIT 1", logger: logger
            ).collect()
            guard let (id, payload) = try rows.first?.decode((Int64, ByteBuffer).self) else { return events }
            let job = try JobPayloadCoding.decode(DisputeJob.self, from: Array(payload.readableBytesView))
            try await sql.exec("DELETE FROM job WHERE id = \(id)")
            try await handler.handle(job, logger: logger)
            events.append(job.event)
        }
    }

    /// Moves the running deadline of `dispute` and its scheduled jobs (only those of `event`, if
    /// given) into the past, as if the business hours had passed.
    func passDeadline(_ dispute: DisputeID, event: DisputeJob.Event? = nil) async throws {
        try await sql.exec("UPDATE dispute SET deadline_at = now() - interval '1 second' WHERE id = \(dispute)")
        let only = event.map { " AND convert_from(payload, 'UTF8')::jsonb->>'event' = '\($0.rawValue)'" } ?? ""
        try await sql.exec("UPDATE job SET run_at = now() - interval '1 second' WHERE queue = 'dispute' AND run_at > now()\(only)")
    }
}
