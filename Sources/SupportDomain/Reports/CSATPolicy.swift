public import SupportSchema

/// The low-rating policy (`csat_setting`): a score at or below `lowScoreMax` reopens the ticket, tells
/// the team lead, both or neither, as owners chose.
public struct CSATPolicy: Codable, Sendable, Hashable {
    public var lowScoreMax: Int
    public var onLow: CSATLowAction

    public static let lowScoreRange = 0...4

    public init(lowScoreMax: Int = 2, onLow: CSATLowAction = .alertLead) {
        self.lowScoreMax = lowScoreMax
        self.onLow = onLow
    }

    /// What one rating does.
    public struct Effect: Sendable, Hashable {
        public var reopen: Bool
        public var alertLead: Bool
        public init(reopen: Bool, alertLead: Bool) {
            self.reopen = reopen
            self.alertLead = alertLead
        }
        public static let none = Effect(reopen: false, alertLead: false)
    }

    /// A low score triggers the action; reopening only applies to a ticket that is finished.
    public func effect(score: Int, status: TicketStatus) -> Effect {
        guard score <= lowScoreMax else { return .none }
        return Effect(reopen: onLow.reopens && !status.isActive, alertLead: onLow.alertsLead)
    }

    enum CodingKeys: String, CodingKey {
        case lowScoreMax = "low_score_max"
        case onLow = "on_low"
    }
}
