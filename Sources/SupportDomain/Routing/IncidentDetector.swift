public import SupportSchema

/// Spots one problem reported by several people.
///
/// Two reports are similar when they share at least ``minimumShared`` stemmed words and those make up
/// at least ``threshold`` of the shorter report (the overlap coefficient: a terse "bot is down" still
/// matches a long description of the same outage). A similar open incident is joined; otherwise
/// similar recent reports from *other* requesters open one. Only outage-like categories count:
/// two parties of one deal describing their dispute are not an incident.
public struct IncidentDetector: Sendable {
    public var threshold: Double
    public var minimumShared: Int
    public static let categories: Set<Category> = [.technical, .payment]

    public init(threshold: Double = 0.5, minimumShared: Int = 2) {
        self.threshold = threshold
        self.minimumShared = minimumShared
    }

    public func detect(_ report: ReportSummary, category: Category, recent: [ReportSummary]) -> IncidentDecision {
        guard Self.categories.contains(category) else { return .none }
        let scored = recent.filter { $0.ticketID != report.ticketID }.compactMap { other in
            similarity(report.lexemes, other.lexemes).map { (other, $0) }
        }
        if let best = scored.filter({ $0.0.isIncident }).max(by: { $0.1 < $1.1 }) {
            return .join(incident: best.0.ticketID, similarity: best.1)
        }
        let others = scored.filter { !$0.0.isIncident && $0.0.requesterID != report.requesterID }
        if let joined = others.compactMap({ pair in pair.0.incidentID.map { ($0, pair.1) } }).max(by: { $0.1 < $1.1 }) {
            return .join(incident: joined.0, similarity: joined.1)
        }
        guard let best = others.map(\.1).max() else { return .none }
        return .open(reports: others.map(\.0.ticketID).sorted(), similarity: best)
    }

    /// The overlap coefficient, or nil below the thresholds.
    public func similarity(_ a: Set<String>, _ b: Set<String>) -> Double? {
        let shared = a.intersection(b).count
        guard shared >= minimumShared, let shorter = [a.count, b.count].min(), shorter > 0 else { return nil }
        let value = Double(shared) / Double(shorter)
        return value >= threshold ? value : nil
    }

    /// How many words a report similar to one of `count` words shares with it at least, when that one is
    /// the shorter of the two: ``minimumShared``, and ``threshold`` of `count` (as ``similarity(_:_:)``
    /// computes it). More than `count` when no report can be similar to it as the shorter.
    public func requiredShared(forShorter count: Int) -> Int {
        guard count > 0 else { return minimumShared + 1 }
        var shared = minimumShared
        while shared <= count, Double(shared) / Double(count) < threshold { shared += 1 }
        return shared
    }

    /// Which of a report's words detection locks exclusively; it locks the rest shared (Routing's
    /// `RecentReports`).
    ///
    /// Any two similar reports still conflict on a word: the shorter one (n words) shares at least
    /// `requiredShared(forShorter: n)` of its words with the other, so any n − that + 1 of its words
    /// include a shared one, which the other report holds at least shared. Each report may pick its own
    /// words, so it picks its rarest (fewest `uses` among recent reports, then by spelling): a common
    /// word ("бот") is mostly taken shared, and reports that only share common words do not queue up.
    public func exclusiveLockWords(of words: Set<String>, uses: [String: Int]) -> Set<String> {
        let count = words.count - requiredShared(forShorter: words.count) + 1
        guard count > 0 else { return [] }
        let rarestFirst = words.sorted { (uses[$0] ?? 0, $0) < (uses[$1] ?? 0, $1) }
        return Set(rarestFirst.prefix(count))
    }

    /// High while a few people report it; critical from `criticalReporters` people or a critical report.
    public static func priority(reporters: Int, reports: [Priority], criticalReporters: Int = 5) -> Priority {
        reporters >= criticalReporters || reports.contains(.critical) ? .critical : .high
    }

    /// Whether a report joining an incident at `current` priority can raise it: not once it is critical,
    /// the most ``priority(reporters:reports:criticalReporters:)`` gives.
    public static func joinCanRaise(_ current: Priority) -> Bool {
        current < .critical
    }
}
