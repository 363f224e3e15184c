public import Foundation

/// An SLA warning or breach falling due (queue `sla`), scheduled with `run_at = dueAt`.
///
/// Rescheduling never edits or deletes old jobs. Every change to a ticket's clocks bumps
/// `ticket.sla_generation`; a job whose `generation` is no longer current (or whose deadline is no
/// longer due when recomputed from the ticket's events) finds nothing to do.
public struct SLAJob: JobPayload {
    public static let kind = "sla"
    public static let queue = QueueName.sla
    public static let currentSchemaVersion = 1

    public let schemaVersion: Int
    public var ticketID: TicketID
    public var clock: SLAClockKind
    public var deadline: SLADeadlineKind
    /// `ticket.sla_generation` when the job was scheduled.
    public var generation: Int64
    /// The instant the job was scheduled for.
    public var dueAt: Date

    public init(ticketID: TicketID, clock: SLAClockKind, deadline: SLADeadlineKind, generation: Int64, dueAt: Date) {
        self.schemaVersion = Self.currentSchemaVersion
        self.ticketID = ticketID
        self.clock = clock
        self.deadline = deadline
        self.generation = generation
        self.dueAt = dueAt
    }

    /// One live job per ticket, clock, deadline and generation: rescheduling twice is harmless.
    public var uniqueKey: String? { "sla:\(ticketID):\(clock.rawValue):\(deadline.rawValue):\(generation)" }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case ticketID = "ticket_id"
        case clock
        case deadline
        case generation
        case dueAt = "due_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.schemaVersion = try JobPayloadCoding.decodeSchemaVersion(
            for: Self.self, from: container, forKey: .schemaVersion)
        self.ticketID = try container.decode(TicketID.self, forKey: .ticketID)
        self.clock = try container.decode(SLAClockKind.self, forKey: .clock)
        self.deadline = try container.decode(SLADeadlineKind.self, forKey: .deadline)
        self.generation = try container.decode(Int64.self, forKey: .generation)
        self.dueAt = try container.decode(Date.self, forKey: .dueAt)
    }
}
