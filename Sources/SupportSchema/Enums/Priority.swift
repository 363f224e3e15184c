/// Ticket priority, ordered `low < normal < high < critical`.
///
/// `critical` means the whole service is threatened, e.g. an outage or many reports at once.
public enum Priority: String, SchemaEnum, Comparable {
    case low
    case normal
    case high
    case critical

    /// 0 for `low` … 3 for `critical`; the queue sorts on it.
    public var rank: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .critical: 3
        }
    }

    /// The next priority up, saturating at `critical` (used by priority boosts).
    public var raised: Priority {
        switch self {
        case .low: .normal
        case .normal: .high
        case .high, .critical: .critical
        }
    }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
}
