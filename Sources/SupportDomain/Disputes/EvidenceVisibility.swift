public import SupportSchema

/// Which evidence of one dispute a viewer may see.
///
/// A party sees its own side's items and those disclosed to both, so nobody learns the other side's
/// case before it is shared; the arbiter, the appeal reviewer and owners (who review appeals and
/// approve payouts) see everything; anyone else sees nothing. Items filed by staff count as
/// nobody's own: parties see them only once disclosed.
///
/// ```swift
/// let visibility = EvidenceVisibility(record: dispute)
/// let items = visibility.visible(allItems, to: .requester(userID))
/// ```
public struct EvidenceVisibility: Hashable, Sendable {
    /// What a viewer is entitled to.
    public enum Scope: Hashable, Sendable {
        case all
        case ownAndDisclosed(EvidenceParty)
        case none
    }

    public var buyer: RequesterID
    public var seller: RequesterID
    public var arbiter: StaffID?
    public var appealArbiter: StaffID?

    public init(buyer: RequesterID, seller: RequesterID, arbiter: StaffID? = nil, appealArbiter: StaffID? = nil) {
        self.buyer = buyer
        self.seller = seller
        self.arbiter = arbiter
        self.appealArbiter = appealArbiter
    }

    /// The parties of the record's deal and its current seats.
    public init(record: DisputeRecord) {
        self.init(buyer: record.deal.buyer, seller: record.deal.seller, arbiter: record.arbiter, appealArbiter: record.appealArbiter)
    }

    public func scope(for viewer: EvidenceViewer) -> Scope {
        switch viewer {
        case .requester(let id):
            if id == buyer { return .ownAndDisclosed(.buyer) }
            if id == seller { return .ownAndDisclosed(.seller) }
            return .none
        case .staff(let id, let roles):
            if id == arbiter || id == appealArbiter || roles.contains(.owner) { return .all }
            return .none
        }
    }

    public func canSee(_ item: EvidenceItem, viewer: EvidenceViewer) -> Bool {
        switch scope(for: viewer) {
        case .all: true
        case .ownAndDisclosed(let side): item.party == side || item.disclosedToBoth
        case .none: false
        }
    }

    /// The items `viewer` may see, oldest first.
    public func visible(_ items: [EvidenceItem], to viewer: EvidenceViewer) -> [EvidenceItem] {
        items.filter { canSee($0, viewer: viewer) }
            .sorted { ($0.submittedAt, $0.id) < ($1.submittedAt, $1.id) }
    }
}
