public import SupportSchema

/// A staff member's request to move a ticket up or down the lines, with the reason kept in history.
public enum ManualEscalation: String, Hashable, Sendable, Codable, CaseIterable {
    case up
    case down
}

/// Why a manual escalation is refused; the message is shown to the staff member.
public enum ManualEscalationError: Error, Hashable, Sendable, CustomStringConvertible {
    case reasonRequired
    case alreadyTopLine
    case alreadyFirstLine
    case ownersOnly

    public var description: String {
        switch self {
        case .reasonRequired: "a reason is required to escalate or de-escalate"
        case .alreadyTopLine: "the ticket is already at L3, the top line"
        case .alreadyFirstLine: "the ticket is already at L1, the first line"
        case .ownersOnly: "owners' matters (complaints about the administration, confidential tickets) stay with L3 owners"
        }
    }
}
