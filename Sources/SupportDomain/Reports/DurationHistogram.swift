/// Counts of durations per ``DurationBuckets`` bucket: what the report rollup keeps instead of the
/// durations themselves, so that medians over a year add up a few thousand rows rather than sort 1M values.
///
/// In SQL a histogram is a `bigint[]` of `bucket × 2³² + count`, buckets ascending (``init(packed:)``).
public struct DurationHistogram: Sendable, Hashable {
    /// Count per bucket index (dense; trailing buckets absent are zero).
    public private(set) var counts: [Int] = []
    public private(set) var total = 0

    public init() {}

    /// From the packed SQL form: each element `bucket × 2³² + count`.
    public init(packed: [Int64]) {
        for element in packed {
            add(bucket: Int(element >> 32), count: Int(element & 0xFFFF_FFFF))
        }
    }

    public mutating func add(bucket: Int, count: Int = 1) {
        if bucket >= counts.count { counts.append(contentsOf: repeatElement(0, count: bucket - counts.count + 1)) }
        counts[bucket] += count
        total += count
    }

    public mutating func add(seconds: Double) { add(bucket: DurationBuckets.index(of: seconds)) }

    public mutating func merge(_ other: DurationHistogram) {
        if other.counts.count > counts.count { counts.append(contentsOf: repeatElement(0, count: other.counts.count - counts.count)) }
        for (bucket, count) in other.counts.enumerated() where count != 0 { counts[bucket] += count }
        total += other.total
    }

    /// Durations of at most `seconds`; nil unless `seconds` is a bucket edge (then it is exact).
    public func count(atMost seconds: Double) -> Int? {
        guard DurationBuckets.isEdge(seconds) else { return nil }
        let last = DurationBuckets.index(of: seconds)
        return counts.prefix(last + 1).reduce(0, +)
    }

    /// The median as `percentile_cont(0.5)` defines it (the middle value, or the mean of the two middle
    /// ones), each middle value taken as its bucket's middle: within half a bucket width of the exact one.
    public var median: Double? {
        guard total > 0 else { return nil }
        let lowRank = (total - 1) / 2
        let highRank = total / 2
        var low: Double?
        var seen = 0
        for (bucket, count) in counts.enumerated() where count > 0 {
            seen += count
            if low == nil, seen > lowRank { low = DurationBuckets.representative(of: bucket) }
            if seen > highRank { return (low! + DurationBuckets.representative(of: bucket)) / 2 }
        }
        return nil
    }
}
