/// The life of a guarantor-bot deal (`deal.status`).
public enum DealStatus: String, SchemaEnum {
    /// Registered by the guarantor bot, not started (waiting for a deposit if one is required).
    case registered
    case active
    /// A live dispute exists.
    case disputed
    case completed
    case cancelled
}

/// The deposit held by the guarantor before a deal starts (`deal.deposit_status`).
public enum DepositStatus: String, SchemaEnum {
    case notRequired = "not_required"
    case pending
    case held
    case released
    case refunded

    /// A deal that requires a deposit may start only in these deposit states.
    public var allowsStart: Bool {
        switch self {
        case .held, .released, .refunded: true
        case .notRequired, .pending: false
        }
    }
}

/// Which side of a dispute submitted a piece of evidence (`dispute_evidence.party`).
public enum EvidenceParty: String, SchemaEnum {
    case buyer
    case seller
    /// Added by the arbiter or another staff member.
    case staff
}
