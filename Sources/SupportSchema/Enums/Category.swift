/// What a ticket is about; decides the line and team it is routed to.
public enum Category: String, SchemaEnum {
    /// Question or consultation: L1 agents.
    case question
    /// Bug or outage: L1 first (L2 visible), or straight to L2 when clearly a bug.
    case technical
    /// Money and payments: L1 agents.
    case payment
    /// Deal dispute: arbiters, through the arbitration worker.
    case dispute
    /// Appeal against a ban, mute or warning, or an amnesty request: moderators.
    case moderationAppeal = "moderation_appeal"
    /// Complaint about the administration: L3 owners only, hidden from the staff member named.
    case complaint
    case suggestion
    case spam
}
