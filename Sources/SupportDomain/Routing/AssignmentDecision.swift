public import Foundation
public import SupportSchema

/// Whom ``AssigneePicker`` chose, and why.
public enum AssignmentDecision: Hashable, Sendable {
    /// Working now.
    case now(StaffID, why: String)
    /// Nobody eligible is on shift: responsible from their next shift, which starts at `from`.
    case nextShift(StaffID, from: Date, why: String)
    /// Stays in the team queue.
    case unassigned(why: String)

    public var staffID: StaffID? {
        switch self {
        case .now(let id, _), .nextShift(let id, _, _): id
        case .unassigned: nil
        }
    }

    public var why: String {
        switch self {
        case .now(_, let why), .nextShift(_, _, let why), .unassigned(let why): why
        }
    }
}
