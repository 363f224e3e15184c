public import Logging
public import PostgresNIO

/// A statement that every routing or SLA job runs (the desk's teams, calendars, staff, shifts and SLA
/// policies, a ticket's SLA state). It is prepared once per connection under its own name, so the server stops parsing and
/// planning it each time: parse, analyse and plan were a quarter of the routing worker's CPU
/// (Docs/PERFORMANCE.md). Behind a transaction-mode PgBouncer this needs its protocol-level prepared
/// statements (≥ 1.21, `max_prepared_statements`; Docs/SCALING.md).
protocol RepeatedStatement: Sendable {
    /// The text, with `$1`, `$2`… for the parameters.
    static var sql: String { get }
    /// The parameters' types, in order (the values are sent in binary, so the server must not guess).
    static var parameterTypes: [PostgresDataType] { get }
}

extension RepeatedStatement {
    static var parameterTypes: [PostgresDataType] { [] }
}

/// The postgres-nio prepared statement of a ``RepeatedStatement``; rows come back undecoded.
struct Prepared<Statement: RepeatedStatement>: PostgresPreparedStatement {
    typealias Row = PostgresRow
    static var name: String { "support." + String(describing: Statement.self) }
    static var sql: String { Statement.sql }
    static var bindingDataTypes: [PostgresDataType] { Statement.parameterTypes }

    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

extension PostgresConnection {
    /// The rows of a ``RepeatedStatement``, prepared on this connection the first time.
    func rows<Statement: RepeatedStatement>(
        of statement: Statement.Type, _ bindings: PostgresBindings = PostgresBindings(), logger: Logger
    ) async throws -> [PostgresRow] {
        var rows: [PostgresRow] = []
        for try await row in try await execute(Prepared<Statement>(bindings: bindings), logger: logger) { rows.append(row) }
        return rows
    }
}
