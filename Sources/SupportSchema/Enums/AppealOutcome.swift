/// What a moderation appeal decided about the punishment (`punishment_appeal_decision.outcome`).
public enum AppealOutcome: String, SchemaEnum {
    /// The punishment stands as it is.
    case uphold
    /// It ends earlier: a new, earlier expiry.
    case reduce
    /// It ends now.
    case lift
}
