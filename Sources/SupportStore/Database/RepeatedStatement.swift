public import Logging
public import PostgresNIO

/// A statement that every routing or SLA job runs (the desk's teams, calendars, staff, shifts and SLA
/// policies, a ticket's SLA state). It is prepared once per connection under its own name, so the server stops parsing and
/// planning it each time: parse, analyse and plan were a quarter of the routing worker's CPU
/// (Docs/PERFORMANCE.md). Behind a transaction-mode PgBouncer this needs its protocol-level prepared
/// statements (≥ 1.21, `max_prepared_statements`; Docs/SCALING.md).
///
/// An array of ids is passed as `ANY((SELECT $1)::int8[])` or `unnest((SELECT $1::int8[]))`. Both plans
/// then see an array of unknown length, so after five runs PostgreSQL keeps the generic one; with a bare
/// `$1` every custom plan, made for the array at hand, looked cheaper, and the statement was planned on
/// every run (`PlanCacheTests`, Docs/PERFORMANCE.md session 20).
public protocol RepeatedStatement: Sendable {
    /// The text, with `$1`, `$2`… for the parameters.
    static var sql: String { get }
    /// The parameters' types, in order (the values are sent in binary, so the server must not guess).
    static var parameterTypes: [PostgresDataType] { get }
}

extension RepeatedStatement {
    public static var parameterTypes: [PostgresDataType] { [] }
}

/// The postgres-nio prepared statement of a ``RepeatedStatement``; rows come back undecoded.
struct Prepared<Statement: RepeatedStatement>: PostgresPreparedStatement {
    typealias Row = PostgresRow
    /// From the text and types, not the Swift name: two statements with the same type name in different
    /// files (`LockSQL`) must never share a name on a connection, and equal text may.
    static var name: String { "support_" + StatementName.fingerprint(Statement.sql, Statement.parameterTypes) }
    static var sql: String { Statement.sql }
    static var bindingDataTypes: [PostgresDataType] { Statement.parameterTypes }

    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

extension PostgresConnection {
    /// The rows of a ``RepeatedStatement``, prepared on this connection the first time.
    public func rows<Statement: RepeatedStatement>(
        of statement: Statement.Type, _ bindings: PostgresBindings = PostgresBindings(), logger: Logger
    ) async throws -> [PostgresRow] {
        var rows: [PostgresRow] = []
        for try await row in try await execute(Prepared<Statement>(bindings: bindings), logger: logger) { rows.append(row) }
        return rows
    }
}

/// A 64-bit FNV-1a fingerprint in hex: short enough for PostgreSQL's 63-byte statement names.
enum StatementName {
    static func fingerprint(_ sql: String, _ types: [PostgresDataType]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        for byte in sql.utf8 { mix(byte) }
        for type in types {
            mix(0)
            withUnsafeBytes(of: type.rawValue.littleEndian) { $0.forEach(mix) }
        }
        return String(hash, radix: 16)
    }
}
