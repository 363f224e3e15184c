/// Move a dispute along (queue `dispute`): a deadline falling due, an arbiter draw, a payout.
///
/// Like ``SLAJob`` it names the state and `dispute.generation` it was scheduled for; if the dispute
/// has moved on since, the job finds nothing to do.
public struct DisputeJob: JobPayload {
    public static let kind = "dispute"
    public static let queue = QueueName.dispute
    public static let currentSchemaVersion = 1

    public enum Event: String, Codable, CaseIterable, Hashable, Sendable {
        /// A dispute was opened: check the deal and ask the respondent.
        case open
        /// The deadline of `state` passed: apply the state's default rule.
        case deadline
        /// Draw an arbiter (first draw, or a redraw after a recusal).
        case assignArbiter = "assign_arbiter"
        /// Send the payout command to the guarantor bot (retried until confirmed).
        case execute
        /// A ruling's notifications are queued for both parties: open the appeal window or execute.
        case delivered
    }

    public let schemaVersion: Int
    public var disputeID: DisputeID
    public var event: Event
    /// The state the job was scheduled in.
    public var state: DisputeState
    /// `dispute.generation` when the job was scheduled.
    public var generation: Int64

    public init(disputeID: DisputeID, event: Event, state: DisputeState, generation: Int64) {
        self.schemaVersion = Self.currentSchemaVersion
        self.disputeID = disputeID
        self.event = event
        self.state = state
        self.generation = generation
    }

    public var uniqueKey: String? { "dispute:\(disputeID):\(event.rawValue):\(state.rawValue):\(generation)" }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case disputeID = "dispute_id"
        case event
        case state
        case generation
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.schemaVersion = try JobPayloadCoding.decodeSchemaVersion(
            for: Self.self, from: container, forKey: .schemaVersion)
        self.disputeID = try container.decode(DisputeID.self, forKey: .disputeID)
        self.event = try container.decode(Event.self, forKey: .event)
        self.state = try container.decode(DisputeState.self, forKey: .state)
        self.generation = try container.decode(Int64.self, forKey: .generation)
    }
}
