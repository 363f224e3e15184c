/// The states of a deal dispute. The transitions live in the domain module's state machine.
///
/// Main path: `opened → awaiting_response → negotiation → evidence → under_review → decided →
/// appeal_window → (appealed → under_review by another arbiter or an owner) → executing → closed`.
/// `info_requested` pauses the clock during evidence; `settled`, `withdrawn` and `expired` end a
/// dispute early.
public enum DisputeState: String, SchemaEnum {
    case opened
    case awaitingResponse = "awaiting_response"
    case negotiation
    case evidence
    case infoRequested = "info_requested"
    case underReview = "under_review"
    case decided
    case appealWindow = "appeal_window"
    case appealed
    case executing
    case closed
    case settled
    case withdrawn
    case expired

    /// No further transitions.
    public var isTerminal: Bool {
        switch self {
        case .closed, .settled, .withdrawn, .expired: true
        default: false
        }
    }

    /// States that wait on someone and so carry a deadline (a scheduled `dispute` job).
    /// `info_requested` is not one: it pauses the deadline of `evidence`.
    public var hasDeadline: Bool {
        switch self {
        case .awaitingResponse, .negotiation, .evidence, .underReview, .appealWindow, .appealed, .executing: true
        default: false
        }
    }

    /// Terminal states, e.g. for "one live dispute per deal".
    public static let terminal: [DisputeState] = allCases.filter(\.isTerminal)
}
