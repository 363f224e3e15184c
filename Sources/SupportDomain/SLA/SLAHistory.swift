public import SupportSchema

/// Reads a ticket's history (in time order) as the events its SLA clocks count.
///
/// - A staff reply answers; a bot's does not. A call or message an agent logs (phone) is answered on
///   the spot, so it counts as the requester's message and the answer together.
/// - Waiting on the requester or a third party pauses every clock; leaving those statuses resumes them.
/// - Classification and later priority changes rescale what is left of each clock.
public enum SLAHistory {
    public static func events(from entries: [TicketHistoryEntry]) -> [SLAEvent] {
        var events: [SLAEvent] = []
        for entry in entries {
            let at = entry.at
            switch entry.type {
            case .created:
                events.append(SLAEvent(at: at, .opened))
                if entry.actor == .staff || entry.data["logged_by_staff_id"] != nil { events.append(SLAEvent(at: at, .staffReply)) }
            case .messageReceived:
                events.append(SLAEvent(at: at, .requesterMessage))
                if entry.actor == .staff { events.append(SLAEvent(at: at, .staffReply)) }
            case .replySent where entry.actor == .staff:
                events.append(SLAEvent(at: at, .staffReply))
            case .statusChanged:
                let from = entry.data["from"].flatMap(TicketStatus.init(rawValue:))
                guard let to = entry.data["to"].flatMap(TicketStatus.init(rawValue:)) else { continue }
                switch to.slaClockState {
                case .paused: events.append(SLAEvent(at: at, .paused))
                case .running where from?.slaClockState == .paused: events.append(SLAEvent(at: at, .resumed))
                case .running where from?.slaClockState == .stopped: events.append(SLAEvent(at: at, .reopened))
                case .running: break
                case .stopped: events.append(SLAEvent(at: at, .resolved))
                }
            case .reopened:
                events.append(SLAEvent(at: at, .reopened))
            case .classified, .priorityChanged:
                let value = entry.data["priority"] ?? entry.data["to"]
                if let priority = value.flatMap(Priority.init(rawValue:)) { events.append(SLAEvent(at: at, .priorityChanged(priority))) }
            default:
                continue
            }
        }
        return events
    }

    /// The event types ``events(from:)`` reads, for the query that loads them.
    public static let relevantTypes: [TicketEventType] = [
        .created, .messageReceived, .replySent, .statusChanged, .reopened, .classified, .priorityChanged,
    ]
}
