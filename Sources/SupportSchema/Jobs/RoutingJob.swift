/// Classify, prioritise and assign a ticket (queue `routing`).
public struct RoutingJob: JobPayload {
    public static let kind = "routing"
    public static let queue = QueueName.routing
    public static let currentSchemaVersion = 1

    /// Why the ticket is (re)routed; a reply keeps the assignee when possible.
    public enum Reason: String, Codable, CaseIterable, Hashable, Sendable {
        /// A new ticket from intake.
        case new
        /// The requester wrote again on an active ticket.
        case reply
        /// The FAQ bot handed over to a human (`/operator`, "call an operator", no answer).
        case handover
        /// A resolved or closed ticket reopened by a reply within the window.
        case reopen
        /// Staff asked for the ticket to be routed again.
        case manual
        /// The escalation ladder or a staff member moved the ticket or released its assignee.
        case escalation
    }

    public let schemaVersion: Int
    public var ticketID: TicketID
    public var reason: Reason

    public init(ticketID: TicketID, reason: Reason) {
        self.schemaVersion = Self.currentSchemaVersion
        self.ticketID = ticketID
        self.reason = reason
    }

    /// None: a reply arriving while an earlier routing job runs must still be routed.
    public var uniqueKey: String? { nil }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case ticketID = "ticket_id"
        case reason
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.schemaVersion = try JobPayloadCoding.decodeSchemaVersion(
            for: Self.self, from: container, forKey: .schemaVersion)
        self.ticketID = try container.decode(TicketID.self, forKey: .ticketID)
        self.reason = try container.decode(Reason.self, forKey: .reason)
    }
}
