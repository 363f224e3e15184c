import SupportSchema

/// Who caused a ticket event: `ticket_event.actor_kind` with its `actor_id`, kept consistent by construction
/// (the table requires an id exactly for requesters and staff).
public enum TicketActor: Sendable, Hashable {
    case requester(RequesterID)
    case staff(StaffID)
    case system
    case bot

    var kind: AuthorKind {
        switch self {
        case .requester: .requester
        case .staff: .staff
        case .system: .system
        case .bot: .bot
        }
    }

    var id: Int64? {
        switch self {
        case .requester(let id): id.rawValue
        case .staff(let id): id.rawValue
        case .system, .bot: nil
        }
    }
}
