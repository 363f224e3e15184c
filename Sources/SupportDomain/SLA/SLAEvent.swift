public import Foundation
public import SupportSchema

/// One entry of a ticket's history as the SLA clocks read it (mapped from `ticket_event`).
public struct SLAEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The ticket was created: first response and resolution start.
        case opened
        /// The requester wrote: the next-response clock starts unless one is already waiting.
        case requesterMessage
        /// Staff answered the requester (not an internal note): response clocks are met.
        case staffReply
        /// Waiting on the requester or a third party: every clock pauses.
        case paused
        /// Back from waiting.
        case resumed
        /// The policy changes from here on.
        case priorityChanged(Priority)
        case resolved
        case reopened
    }

    public var at: Date
    public var kind: Kind

    public init(at: Date, _ kind: Kind) {
        self.at = at
        self.kind = kind
    }
}
