public import SupportSchema

/// Staff who must not handle a ticket, with the reason shown in the routing record.
public struct ConflictOfInterest: Hashable, Sendable {
    /// Staff who are themselves a party: the requester, or a party of the deal in dispute.
    public var parties: Set<StaffID>
    /// The moderator who issued the punishment being appealed.
    public var punishingModerator: StaffID?
    /// The staff member a complaint is about.
    public var namedInComplaint: StaffID?

    public init(parties: Set<StaffID> = [], punishingModerator: StaffID? = nil, namedInComplaint: StaffID? = nil) {
        self.parties = parties
        self.punishingModerator = punishingModerator
        self.namedInComplaint = namedInComplaint
    }

    /// Everyone excluded, by id.
    public var excluded: [StaffID: String] {
        var out: [StaffID: String] = [:]
        for id in parties { out[id] = "a party to the case" }
        if let id = punishingModerator { out[id] = "issued the punishment under appeal" }
        if let id = namedInComplaint { out[id] = "named in the complaint" }
        return out
    }
}
