/// The outcome of ``AuditLog/verifyChain()``.
public struct AuditChainReport: Sendable, Hashable {
    /// A row whose link or hash is wrong, with why.
    public struct BrokenRow: Sendable, Hashable {
        public var id: Int64
        public var problem: String
    }

    /// Rows checked.
    public var rows: Int
    /// The first broken row; nil when the chain is intact.
    public var firstBroken: BrokenRow?

    public var isIntact: Bool { firstBroken == nil }
}
