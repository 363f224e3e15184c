public import PostgresNIO

/// A data-modifying statement whose returned rows each get a job (``JobQueue/enqueue(_:kind:priority:maxAttempts:forRowsOf:)``).
/// Its text is fixed, so the whole statement, jobs included, is prepared once per connection: on the API's
/// receive path, planning was 37–44 % of the statement's server time (Docs/PERFORMANCE.md, session 20).
///
/// The statement returns the columns `key` (int8, handed back), `payload` (bytea) and `unique_key` (text
/// or NULL).
///
/// ```swift
/// struct OutboxInsert: RowJobSource {
///     static let name = "outbox_insert_v1"
///     static let sql = """
///         INSERT INTO outbox (body) VALUES ($1)
///         RETURNING id AS key, convert_to(format('{"id":%s}', id), 'UTF8') AS payload, NULL::text AS unique_key
///         """
///     static let parameterTypes: [PostgresDataType] = [.text]
///     var bindings: PostgresBindings
/// }
/// ```
public protocol RowJobSource: Sendable {
    /// Unique among the statements a connection prepares; at most 40 characters.
    static var name: String { get }
    /// The text, with `$1`, `$2`… for ``bindings``.
    static var sql: String { get }
    /// The types of ``bindings``, in order.
    static var parameterTypes: [PostgresDataType] { get }
    var bindings: PostgresBindings { get }
}

/// A ``RowJobSource`` and the insert of its rows' jobs, as one prepared statement.
struct RowJobsStatement<Source: RowJobSource>: PostgresPreparedStatement {
    static var name: String { "jobqueue_rows_" + Source.name }
    static var sql: String {
        let first = Source.parameterTypes.count + 1
        return """
            WITH source AS (\(Source.sql)),
            ins AS (
                INSERT INTO job (state, queue, kind, payload, priority, run_at, max_attempts, unique_key)
                SELECT 0, $\(first), $\(first + 1), s.payload, $\(first + 2), now(), $\(first + 3), s.unique_key
                FROM source s
                ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING
                RETURNING 1
            ), woke AS (
                SELECT count(*) > 0 AS any,
                       CASE WHEN $\(first + 4) AND count(*) > 0 THEN pg_notify('\(Notifier.channel)', $\(first))::text END AS sent
                FROM ins
            )
            SELECT s.key, woke.any, woke.sent FROM source s CROSS JOIN woke
            """
    }
    static var bindingDataTypes: [PostgresDataType] { Source.parameterTypes + [.text, .text, .int2, .int4, .bool] }

    /// The row's key, whether any job was inserted, and the NOTIFY's (ignored) result.
    typealias Row = (Int64, Bool, String?)

    let source: Source
    let queue: String
    let kind: String
    let priority: Int16
    let maxAttempts: Int32
    /// Whether the statement carries the wake-up (``Notifier/carrying(_:)``).
    let inline: Bool

    func makeBindings() throws -> PostgresBindings {
        var bindings = source.bindings
        bindings.append(queue)
        bindings.append(kind)
        bindings.append(priority)
        bindings.append(maxAttempts)
        bindings.append(inline)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
}
