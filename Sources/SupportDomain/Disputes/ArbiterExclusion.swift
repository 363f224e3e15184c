public import Foundation
public import SupportSchema

/// Why the draw left someone out, shown to staff next to the draw.
public enum ArbiterExclusion: Hashable, Sendable, CustomStringConvertible {
    /// Does not hold the arbiter role.
    case notArbiter
    case inactive
    case away
    /// One of their requester accounts is a party.
    case party(RequesterID)
    /// Handled a ticket of a party within the conflict window.
    case handledTicket(of: RequesterID, at: Date)
    /// Issued or reviewed a punishment of a party within the conflict window.
    case handledPunishment(of: RequesterID, at: Date)
    /// Was in a deal with a party.
    case sharedDeal(with: RequesterID)
    /// Recused themselves from this dispute.
    case recused
    /// Made the first ruling, so cannot review the appeal.
    case firstArbiter

    /// `true` for conflicts of interest, `false` for plain unavailability.
    public var isConflict: Bool {
        switch self {
        case .party, .handledTicket, .handledPunishment, .sharedDeal, .recused, .firstArbiter: true
        case .notArbiter, .inactive, .away: false
        }
    }

    public var description: String {
        switch self {
        case .notArbiter: "not an arbiter"
        case .inactive: "inactive"
        case .away: "away"
        case .party(let id): "is party \(id)"
        case .handledTicket(let id, let at): "handled a ticket of party \(id) at \(at.formatted(.iso8601))"
        case .handledPunishment(let id, let at): "handled a punishment of party \(id) at \(at.formatted(.iso8601))"
        case .sharedDeal(let id): "shared a deal with party \(id)"
        case .recused: "recused"
        case .firstArbiter: "made the first ruling"
        }
    }
}
