/// Where the pipeline benchmark's watcher reads new `assigned` notifications from.
///
/// Commits land out of id order: a routing transaction may commit its notification after others with
/// higher ids were read. Each read looks back a little below the highest id seen; every `interval` a
/// sweep looks back to the highest id seen `lookBack` earlier. Without the sweep, runs at 200/s missed
/// up to 114 of 4,000 assignments (those of the slowest transactions, so p99 read low); a row a sweep
/// finds is stamped late by up to `interval`, which errs on the slow side (Docs/PERFORMANCE.md).
struct AssignedSweep: Sendable {
    static let interval: Duration = .milliseconds(500)
    static let lookBack: Duration = .seconds(2)
    static let nearBy: Int64 = 64

    private let history: Int64
    private var highest: Int64
    private var lastSweep: ContinuousClock.Instant?
    /// The highest id seen at each sweep, oldest first.
    private var marks: [(at: ContinuousClock.Instant, highest: Int64)] = []

    init(history: Int64) {
        self.history = history
        highest = history
    }

    /// The id to read after, for a read starting `now`.
    mutating func start(at now: ContinuousClock.Instant) -> Int64 {
        if let lastSweep, now - lastSweep < Self.interval { return max(highest - Self.nearBy, history) }
        lastSweep = now
        marks.append((now, highest))
        while marks.count > 1, now - marks[1].at >= Self.lookBack { marks.removeFirst() }
        let floor = marks.first.map { now - $0.at >= Self.lookBack ? $0.highest : history } ?? history
        return min(floor, max(highest - Self.nearBy, history))
    }

    mutating func saw(_ notification: Int64) {
        highest = max(highest, notification)
    }
}
