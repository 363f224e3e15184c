/// The buckets of the duration histograms the report rollup keeps (Docs/REPORTS.md, "The rollup").
///
/// Bucket 0 holds durations of 0 s or less; the others are upper-inclusive ranges `(lower, upper]` whose
/// width grows with the duration: 1 minute up to 1 hour, 5 minutes up to 4 hours, 15 minutes up to 24
/// hours, 1 hour up to 7 days, 6 hours up to 30 days, 1 day beyond. Every whole number of minutes the
/// API accepts for `fast_within` that lies on an edge (every minute to 1 h, every 5 to 4 h, every 15 to
/// 24 h, every hour to 7 days) is counted exactly; a histogram median is within half a bucket width.
///
/// The SQL that fills the rollup uses ``sql(_:)``, generated from the same segments, so the two cannot drift.
public enum DurationBuckets {
    /// `(upTo, width)`: buckets `width` seconds wide from the previous segment's end up to `upTo`.
    public static let segments: [(upTo: Double, width: Double)] = [
        (3_600, 60), (14_400, 300), (86_400, 900), (604_800, 3_600), (2_592_000, 21_600), (.infinity, 86_400),
    ]

    /// The bucket holding a duration of `seconds`.
    public static func index(of seconds: Double) -> Int {
        guard seconds > 0 else { return 0 }
        var base = 0
        var lower = 0.0
        for segment in segments {
            if seconds <= segment.upTo {
                return base + Int(((seconds - lower) / segment.width).rounded(.up))
            }
            base += Int((segment.upTo - lower) / segment.width)
            lower = segment.upTo
        }
        return base
    }

    /// The range `(lower, upper]` bucket `index` covers; bucket 0 is `(-∞, 0]`, reported as `(0, 0)`.
    public static func bounds(of index: Int) -> (lower: Double, upper: Double) {
        guard index > 0 else { return (0, 0) }
        var base = 0
        var lower = 0.0
        for segment in segments {
            let count = segment.upTo.isFinite ? Int((segment.upTo - lower) / segment.width) : index - base
            if index <= base + count {
                let upper = lower + Double(index - base) * segment.width
                return (upper - segment.width, upper)
            }
            base += count
            lower = segment.upTo
        }
        return (lower, lower)
    }

    /// What a histogram reports for a value in bucket `index`: the bucket's middle (0 for bucket 0).
    public static func representative(of index: Int) -> Double {
        let (lower, upper) = bounds(of: index)
        return (lower + upper) / 2
    }

    /// Half the width of the bucket holding `seconds`: how far a histogram median can be from the exact one.
    public static func precision(at seconds: Double) -> Double {
        let (lower, upper) = bounds(of: index(of: seconds))
        return (upper - lower) / 2
    }

    /// Whether `seconds` is a bucket's upper edge, so that "at most `seconds`" is a whole number of buckets.
    public static func isEdge(_ seconds: Double) -> Bool {
        seconds >= 0 && bounds(of: index(of: seconds)).upper == seconds
    }

    /// The SQL expression of ``index(of:)`` for the `float8` expression `seconds` (NULL stays NULL).
    public static func sql(_ seconds: String) -> String {
        var cases = ["WHEN \(seconds) <= 0 THEN 0"]
        var base = 0
        var lower = 0.0
        for segment in segments {
            let step = "\(base) + ceil((\(seconds) - \(Int(lower))) / \(Int(segment.width)))::int"
            if segment.upTo.isFinite {
                cases.append("WHEN \(seconds) <= \(Int(segment.upTo)) THEN \(step)")
                base += Int((segment.upTo - lower) / segment.width)
                lower = segment.upTo
            } else {
                cases.append("ELSE \(step)")
            }
        }
        return "(CASE \(cases.joined(separator: " ")) END)"
    }
}
