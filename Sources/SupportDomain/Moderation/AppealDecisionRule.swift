public import Foundation
public import SupportSchema

/// Who may decide a moderation appeal and what the decision does to the punishment.
///
/// - The first appeal goes to a moderator other than the one who issued the punishment, or an owner.
/// - A second appeal on the same punishment is decided by an owner only; it is final (no third).
/// - The issuer never decides, whatever their roles.
/// - `reduce` sets an earlier end: after now, and before the current end (any end for a permanent
///   punishment). A warning has no duration to reduce. `lift` ends it now. `uphold` changes nothing.
///
/// ```swift
/// let change = try AppealDecisionRule.decide(.lift, by: moderator, roles: [.moderator], on: ban, round: 1, now: now)
/// ```
public enum AppealDecisionRule {
    public struct Punishment: Hashable, Sendable {
        public var kind: PunishmentKind
        public var issuer: StaffID?
        public var expiresAt: Date?
        public var lifted: Bool

        public init(kind: PunishmentKind, issuer: StaffID?, expiresAt: Date?, lifted: Bool = false) {
            self.kind = kind
            self.issuer = issuer
            self.expiresAt = expiresAt
            self.lifted = lifted
        }
    }

    /// What happens to the punishment.
    public enum Change: Hashable, Sendable {
        case none
        case expires(Date)
        case lift
    }

    public enum Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        case issuer
        case notModerator
        case ownersOnly
        case final
        case alreadyLifted
        case warningHasNoDuration
        case expiryNotEarlier
        case expiryMissing

        public var description: String {
            switch self {
            case .issuer: "the moderator who issued the punishment does not decide its appeal"
            case .notModerator: "moderation appeals are decided by moderators and owners"
            case .ownersOnly: "a second appeal is decided by an owner"
            case .final: "the second appeal was final: there is no third"
            case .alreadyLifted: "the punishment is already lifted"
            case .warningHasNoDuration: "a warning has no duration to reduce: uphold or lift it"
            case .expiryNotEarlier: "a reduced punishment must end after now and before its current end"
            case .expiryMissing: "a reduction needs the new end (expires_at)"
            }
        }
    }

    /// The round an appeal is in, given the decisions already made on the punishment; nil when the
    /// appeals are exhausted.
    public static func round(afterDecisions previous: Int) -> Int? {
        previous < 2 ? previous + 1 : nil
    }

    public static func decide(
        _ outcome: AppealOutcome, newExpiry: Date? = nil, by staff: StaffID, roles: Set<Role>, on punishment: Punishment,
        round: Int?, now: Date
    ) throws(Refusal) -> Change {
        guard let round else { throw .final }
        guard staff != punishment.issuer else { throw .issuer }
        guard roles.contains(.owner) || (round == 1 && roles.contains(.moderator)) else {
            throw round == 1 ? .notModerator : .ownersOnly
        }
        guard !punishment.lifted else { throw .alreadyLifted }
        switch outcome {
        case .uphold:
            return .none
        case .lift:
            return .lift
        case .reduce:
            guard punishment.kind != .warning else { throw .warningHasNoDuration }
            guard let newExpiry else { throw .expiryMissing }
            guard newExpiry > now, punishment.expiresAt.map({ newExpiry < $0 }) ?? true else { throw .expiryNotEarlier }
            return .expires(newExpiry)
        }
    }
}
