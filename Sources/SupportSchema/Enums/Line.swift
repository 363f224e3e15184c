/// Support line: L1 agents, L2 coders, L3 owners. Escalation moves a ticket up.
public enum Line: String, SchemaEnum, Comparable {
    case l1
    case l2
    case l3

    /// The next line up, or `nil` at L3.
    public var next: Line? {
        switch self {
        case .l1: .l2
        case .l2: .l3
        case .l3: nil
        }
    }

    public static func < (lhs: Line, rhs: Line) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .l1: 1
        case .l2: 2
        case .l3: 3
        }
    }
}
