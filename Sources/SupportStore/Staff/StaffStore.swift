import Foundation
public import Logging
public import PostgresNIO
public import SupportSchema

/// Staff accounts on a connection the caller holds (inside the transaction that audits the change).
public struct StaffStore: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    static let columns = "id, name, email, roles, active, created_at"

    /// Creates the account; a taken email or telegram id is a ``StaffStoreError``.
    public func create(_ account: NewStaffAccount) async throws -> StaffAccount {
        do {
            let rows = try await connection.query(
                """
                INSERT INTO staff (name, email, roles, password_hash, telegram_user_id)
                VALUES (\(account.name), \(account.email), \(account.roles.map(\.rawValue)), \(account.passwordHash),
                        \(account.telegramUserID))
                RETURNING \(unescaped: Self.columns)
                """, logger: logger
            ).collect()
            guard let row = rows.first else { throw TicketStoreError.unexpectedValue("staff INSERT returned no row") }
            return try Self.account(row)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            if error.serverInfo?[.constraintName] == "staff_telegram_user_id_key", let id = account.telegramUserID {
                throw StaffStoreError.telegramTaken(id)
            }
            throw StaffStoreError.emailTaken(account.email)
        }
    }

    public func account(_ id: StaffID) async throws -> StaffAccount? {
        let rows = try await connection.query(
            "SELECT \(unescaped: Self.columns) FROM staff WHERE id = \(id.rawValue)", logger: logger
        ).collect()
        return try rows.first.map { try Self.account($0) }
    }

    /// How many active owners exist: the CLI bootstraps the first one.
    public func activeOwnerCount() async throws -> Int {
        try await connection.query(
            "SELECT count(*)::int FROM staff WHERE active AND 'owner' = ANY(roles)", logger: logger
        ).collect().first?.decode(Int.self) ?? 0
    }

    static func account(_ row: PostgresRow) throws -> StaffAccount {
        let (id, name, email, roles, active, createdAt) = try row.decode((Int64, String, String, [String], Bool, Date).self)
        return StaffAccount(
            id: StaffID(id), name: name, email: email, roles: roles.compactMap { Role(rawValue: $0) }, active: active,
            createdAt: createdAt)
    }
}
