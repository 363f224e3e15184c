/// How many transactions one handler runs at once in a worker process, and how many jobs may share
/// one (``GroupCommitGate``).
public struct GroupCommitSettings: Sendable, Hashable {
    public var batchSize: Int
    public var concurrentTransactions: Int

    public static let defaultBatchSize = 16
    /// A quarter of the worker's default concurrency (16): jobs arriving together share, and one slow
    /// transaction does not hold up the rest (2 cost the tail at 90 tickets/s; Docs/PERFORMANCE.md).
    public static let defaultConcurrentTransactions = 4

    public init(batchSize: Int = Self.defaultBatchSize, concurrentTransactions: Int = Self.defaultConcurrentTransactions) {
        self.batchSize = batchSize
        self.concurrentTransactions = concurrentTransactions
    }

    /// Reads `<prefix>_BATCH_SIZE` (1…1000) and `<prefix>_TRANSACTIONS` (1…256); unset or empty keeps the
    /// default.
    /// - Throws: ``GroupCommitSettingsError`` naming the variable.
    public init(environment: [String: String], prefix: String) throws(GroupCommitSettingsError) {
        self.init()
        batchSize = try Self.count("\(prefix)_BATCH_SIZE", in: environment, range: 1...1000) ?? batchSize
        concurrentTransactions = try Self.count("\(prefix)_TRANSACTIONS", in: environment, range: 1...256) ?? concurrentTransactions
    }

    /// A gate with these settings (its types come from where it is stored).
    public func gate<Item: Sendable, Outcome: Sendable>() -> GroupCommitGate<Item, Outcome> {
        GroupCommitGate(maxBatch: batchSize, maxRunning: concurrentTransactions)
    }

    private static func count(_ name: String, in environment: [String: String], range: ClosedRange<Int>)
        throws(GroupCommitSettingsError) -> Int?
    {
        guard let raw = environment[name], !raw.isEmpty else { return nil }
        guard let value = Int(raw), range.contains(value) else {
            throw GroupCommitSettingsError(
                message: "\(name): a whole number from \(range.lowerBound) to \(range.upperBound) (got \(raw))")
        }
        return value
    }
}

/// A bad group-commit variable, named in one line.
public struct GroupCommitSettingsError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
