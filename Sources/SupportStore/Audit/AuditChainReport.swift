/// The outcome of ``AuditLog/verifyChain()``.
public struct AuditChainReport: Sendable, Hashable {
    /// Rows checked.
    public var rows: Int
    /// The first row whose link or hash is wrong, with why; nil when the chain is intact.
    public var firstBroken: (id: Int64, problem: String)?

    public var isIntact: Bool { firstBroken == nil }

    public static func == (lhs: AuditChainReport, rhs: AuditChainReport) -> Bool {
        lhs.rows == rhs.rows && lhs.firstBroken?.id == rhs.firstBroken?.id && lhs.firstBroken?.problem == rhs.firstBroken?.problem
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rows)
        hasher.combine(firstBroken?.id)
    }
}
