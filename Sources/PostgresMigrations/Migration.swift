/// One versioned schema change.
///
/// Migrations are applied in the order they are listed and identified by `id`, which must never change
/// once released. An id sorts nowhere special: order comes from the list, so a library's migrations can
/// be placed in front of an application's.
public struct Migration: Sendable, Hashable {
    /// Stable identifier, e.g. `jobqueue-0001-core` or `support-0001-core`.
    public let id: String
    /// The SQL to run. May contain several statements; it runs inside the migrator's transaction.
    public let sql: String

    public init(id: String, sql: String) {
        self.id = id
        self.sql = sql
    }
}
