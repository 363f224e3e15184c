import Foundation
import SupportSchema

/// The columns of a `ticket` row that intake and requester tools decide on.
public struct TicketRecord: Sendable, Hashable {
    public var id: TicketID
    /// The number people quote (`#1042`).
    public var number: Int64
    public var requesterID: RequesterID
    public var channel: SupportChannel
    public var subject: String
    public var status: TicketStatus
    public var resolvedAt: Date?
    public var closedAt: Date?
    public var createdAt: Date

    public init(
        id: TicketID, number: Int64, requesterID: RequesterID, channel: SupportChannel, subject: String,
        status: TicketStatus, resolvedAt: Date? = nil, closedAt: Date? = nil, createdAt: Date
    ) {
        self.id = id
        self.number = number
        self.requesterID = requesterID
        self.channel = channel
        self.subject = subject
        self.status = status
        self.resolvedAt = resolvedAt
        self.closedAt = closedAt
        self.createdAt = createdAt
    }

    /// When the ticket stopped being active: closing, else resolving; nil while active.
    public var finishedAt: Date? { status.isActive ? nil : (closedAt ?? resolvedAt) }
}
