import SupportSchema

/// What processing one inbound item did; returned for tests and logged by the worker.
public enum IntakeOutcome: Sendable, Hashable, CustomStringConvertible {
    /// A new ticket was opened (acknowledged, routed).
    case created(TicketID)
    /// A new ticket was answered by the FAQ bot and waits for the requester (not routed yet).
    case botAnswered(TicketID)
    /// The message was appended to an active ticket.
    case appended(TicketID)
    /// A finished ticket was reopened by a threaded reply.
    case reopened(TicketID)
    /// An active ticket was handed to a human without a new message.
    case handedOver(TicketID)
    /// A CSAT score was stored.
    case rated(TicketID)
    /// Something was recorded on a ticket (e.g. "this helped").
    case recorded(TicketID)
    /// Only a reply was queued (`/status`, `/start`, an invalid rating).
    case replied(template: String)
    /// Deliberately dropped (auto-reply, bounce, unsupported update); the reason is on the item.
    case ignored(reason: String)
    /// Unparsable; the error is on the item, which is kept for inspection.
    case failed(error: String)
    /// A previous delivery of the job already handled the item.
    case alreadyHandled(InboundStatus)
    /// No such inbound item.
    case notFound

    /// The ticket the item ended up on, if any (`inbound_item.ticket_id`).
    public var ticketID: TicketID? {
        switch self {
        case .created(let id), .botAnswered(let id), .appended(let id), .reopened(let id), .handedOver(let id), .rated(let id),
            .recorded(let id):
            id
        case .replied, .ignored, .failed, .alreadyHandled, .notFound: nil
        }
    }

    /// The status the item is marked with, and the error kept on it; nil when it is left as it is.
    var mark: (status: InboundStatus, error: String?)? {
        switch self {
        case .failed(let error): (.failed, error)
        case .ignored(let reason): (.ignored, reason)
        case .alreadyHandled, .notFound: nil
        case .created, .botAnswered, .appended, .reopened, .handedOver, .rated, .recorded, .replied: (.processed, nil)
        }
    }

    public var description: String {
        switch self {
        case .created(let id): "created ticket \(id)"
        case .botAnswered(let id): "created ticket \(id), answered by the FAQ bot"
        case .appended(let id): "appended to ticket \(id)"
        case .reopened(let id): "reopened ticket \(id)"
        case .handedOver(let id): "handed over ticket \(id)"
        case .rated(let id): "rated ticket \(id)"
        case .recorded(let id): "recorded on ticket \(id)"
        case .replied(let template): "replied (\(template))"
        case .ignored(let reason): "ignored: \(reason)"
        case .failed(let error): "failed: \(error)"
        case .alreadyHandled(let status): "already \(status.rawValue)"
        case .notFound: "no such inbound item"
        }
    }
}
