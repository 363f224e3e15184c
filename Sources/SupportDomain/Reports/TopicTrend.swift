/// One topic's counts per bucket over a period, with its trend: what owners read to find the
/// problems worth a product fix.
public struct TopicTrend: Codable, Sendable, Hashable {
    /// The category, or "unclassified".
    public var topic: String
    public var total: Int
    /// Counts per bucket, aligned with the report's bucket list (zeros included).
    public var counts: [Int]
    /// Least-squares tickets-per-bucket change: above zero the topic grows.
    public var slope: Double
    /// The last bucket against the one before it, in percent; nil when the one before had none.
    public var lastChangePct: Double?

    public init(topic: String, counts: [Int]) {
        self.topic = topic
        self.counts = counts
        self.total = counts.reduce(0, +)
        self.slope = Statistics.slope(counts.map(Double.init))
        if counts.count >= 2, counts[counts.count - 2] > 0 {
            let previous = Double(counts[counts.count - 2])
            lastChangePct = (Double(counts[counts.count - 1]) - previous) * 100 / previous
        }
    }

    /// Topics from (bucket index, topic, count) cells over `bucketCount` buckets, most frequent first
    /// (ties by name).
    public static func from(cells: [(bucket: Int, topic: String, count: Int)], bucketCount: Int) -> [TopicTrend] {
        var counts: [String: [Int]] = [:]
        for cell in cells where (0..<bucketCount).contains(cell.bucket) {
            counts[cell.topic, default: Array(repeating: 0, count: bucketCount)][cell.bucket] += cell.count
        }
        return counts.map { TopicTrend(topic: $0.key, counts: $0.value) }
            .sorted { ($0.total, $1.topic) > ($1.total, $0.topic) }
    }

    enum CodingKeys: String, CodingKey {
        case topic, total, counts, slope
        case lastChangePct = "last_change_pct"
    }
}
