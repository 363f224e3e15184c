import Foundation
import SupportSchema
import SupportStore

/// Where a requester's message goes: the pure rule behind "append, reopen or create".
///
/// 1. An explicit thread (a `[#N]` tag, an email reply, a telegram reply, a button) names a ticket:
///    active → append to it; resolved/closed within the reopen window → reopen it; older → a new ticket.
/// 2. `/new` → a new ticket.
/// 3. The requester's most recent active ticket on the same channel → append.
/// 4. Otherwise a new ticket.
///
/// Appending to a ticket waiting for the requester (`pending_requester`) resumes it: status back to `open`
/// and the ticket is routed again (reason `reply`).
///
/// ```swift
/// let placement = TicketPlacement.decide(intent: .message, threaded: nil, active: open,
///                                        receivedAt: now, reopenWindow: 7 * 86_400)
/// ```
public enum TicketPlacement: Sendable, Hashable {
    /// Append to an active ticket; `resumes` when it was waiting for the requester.
    case append(TicketRecord, resumes: Bool)
    /// Reopen a finished ticket and append to it.
    case reopen(TicketRecord)
    /// Open a new ticket; `after` names the finished ticket the thread pointed at, if any (for history).
    case create(after: TicketRecord?)

    /// The default reopen window: 7 days after closing (or resolving).
    public static let defaultReopenWindow: TimeInterval = 7 * 24 * 60 * 60

    /// - Parameters:
    ///   - intent: What the requester wants; only `.newTicket` changes the rule.
    ///   - threaded: The requester's ticket an explicit thread hint points at.
    ///   - active: The requester's most recent active ticket on the item's channel.
    ///   - receivedAt: When the item arrived (not when the worker got to it).
    ///   - reopenWindow: How long after closing a threaded reply still reopens.
    public static func decide(
        intent: InboundIntent, threaded: TicketRecord?, active: TicketRecord?, receivedAt: Date,
        reopenWindow: TimeInterval
    ) -> TicketPlacement {
        if let threaded, intent != .newTicket {
            if threaded.status.isActive {
                return .append(threaded, resumes: threaded.status == .pendingRequester)
            }
            if let finished = threaded.finishedAt, receivedAt.timeIntervalSince(finished) <= reopenWindow {
                return .reopen(threaded)
            }
            return .create(after: threaded)
        }
        if intent == .newTicket { return .create(after: nil) }
        if let active { return .append(active, resumes: active.status == .pendingRequester) }
        return .create(after: nil)
    }
}
