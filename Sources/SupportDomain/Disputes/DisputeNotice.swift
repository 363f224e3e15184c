public import SupportSchema

/// What a notification about a dispute says; the notification worker renders it per channel.
public enum DisputeNotice: Hashable, Sendable {
    /// The dispute is now in this state.
    case state(DisputeState)
    case settlementProposed(terms: String)
    case informationRequested(note: String)
    /// A ruling with its reasons; `final` after an appeal.
    case decision(DisputeDecision, final: Bool)
    case appealFiled(reason: String)
    /// The staff member now holds the arbiter's (or appeal reviewer's) seat.
    case assigned(appeal: Bool)
}
