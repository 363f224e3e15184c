/// A ticket's status. Besides the workflow, it tells the SLA clocks whether to run.
///
/// The two `pending_*` statuses exist so that waiting on someone else pauses the clocks: the
/// requester (asked for details) or a third party (payment provider, the guarantor bot's owners).
/// A requester's reply moves the ticket back to `open` and resumes them.
public enum TicketStatus: String, SchemaEnum {
    /// Created, not yet routed or looked at.
    case new
    /// Assigned or being worked on.
    case open
    /// Waiting for the requester; SLA paused.
    case pendingRequester = "pending_requester"
    /// Waiting for a third party; SLA paused.
    case pendingThirdParty = "pending_third_party"
    /// Moved up a line; still running against the SLA.
    case escalated
    /// Answer given; reopens when the requester replies within the reopen window.
    case resolved
    /// Final; CSAT asked. A later message creates a new ticket (or reopens within the window).
    case closed

    /// What the SLA clocks do in a status.
    public enum SLAClockState: String, Sendable, Hashable {
        case running
        case paused
        case stopped
    }

    public var slaClockState: SLAClockState {
        switch self {
        case .new, .open, .escalated: .running
        case .pendingRequester, .pendingThirdParty: .paused
        case .resolved, .closed: .stopped
        }
    }

    /// Not resolved or closed: the ticket is in somebody's queue.
    public var isActive: Bool { slaClockState != .stopped }

    /// Statuses that count as the requester's "open ticket" a new message is appended to.
    public static let active: [TicketStatus] = allCases.filter(\.isActive)
}
