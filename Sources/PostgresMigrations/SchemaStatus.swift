/// How a database's applied migrations compare with the ones a binary knows.
public struct SchemaStatus: Sendable, Equatable {
    /// Known migrations the database has not applied yet, in order.
    public let pending: [String]
    /// Migrations the database has that this binary does not know (the binary is older than the schema).
    public let unknown: [String]

    public init(pending: [String], unknown: [String]) {
        self.pending = pending
        self.unknown = unknown
    }

    public var isCurrent: Bool { pending.isEmpty && unknown.isEmpty }

    /// One line for an operator.
    public var summary: String {
        if isCurrent { return "schema is current" }
        var parts: [String] = []
        if !pending.isEmpty {
            parts.append("\(pending.count) migration(s) pending (first: \(pending[0])); run `support migrate`")
        }
        if !unknown.isEmpty {
            parts.append("database has \(unknown.count) migration(s) this binary does not know (e.g. \(unknown[0])); deploy a newer binary")
        }
        return parts.joined(separator: "; ")
    }
}
