import Foundation
import SupportDomain
import SupportSchema
import Testing

struct EvidenceVisibilityTests {
    typealias F = DisputeFixtures

    func item(_ id: Int64, _ party: EvidenceParty, disclosed: Bool = false, minute: Int) -> EvidenceItem {
        EvidenceItem(id: EvidenceID(id), party: party, disclosedToBoth: disclosed, contentSHA256: Array(repeating: UInt8(id), count: 32),
                     submittedAt: ekb(4, "12:00").addingTimeInterval(TimeInterval(minute * 60)))
    }

    var items: [EvidenceItem] {
        [
            item(6, .staff, disclosed: true, minute: 6), item(1, .buyer, minute: 1), item(2, .buyer, disclosed: true, minute: 2),
            item(3, .seller, minute: 3), item(4, .seller, disclosed: true, minute: 4), item(5, .staff, minute: 5),
        ]
    }

    var visibility: EvidenceVisibility {
        var record = F.record(in: .underReview)
        record.appealArbiter = F.reviewer
        return EvidenceVisibility(record: record)
    }

    func ids(_ viewer: EvidenceViewer) -> [EvidenceID] { visibility.visible(items, to: viewer).map(\.id) }

    @Test func eachPartySeesItsOwnAndWhatWasDisclosed() {
        #expect(ids(.requester(F.buyer)) == [1, 2, 4, 6])
        #expect(ids(.requester(F.seller)) == [2, 3, 4, 6])
        #expect(visibility.scope(for: .requester(F.buyer)) == .ownAndDisclosed(.buyer))
    }

    @Test func theArbiterTheReviewerAndOwnersSeeEverythingInOrder() {
        #expect(ids(.staff(F.arbiter, roles: [.arbiter])) == [1, 2, 3, 4, 5, 6])
        #expect(ids(.staff(F.reviewer, roles: [.arbiter])) == [1, 2, 3, 4, 5, 6])
        #expect(ids(.staff(F.owner, roles: [.owner])) == [1, 2, 3, 4, 5, 6])
    }

    @Test func everyoneElseSeesNothing() {
        #expect(ids(.requester(F.outsider)).isEmpty)
        #expect(ids(.staff(F.otherArbiter, roles: [.arbiter])).isEmpty, "an arbiter of another dispute")
        #expect(ids(.staff(F.agentStaff, roles: [.agent, .moderator])).isEmpty)
        #expect(visibility.scope(for: .staff(F.agentStaff, roles: [.agent])) == EvidenceVisibility.Scope.none)
    }

    @Test func beforeAnArbiterIsSeatedNoArbiterSeesAnything() {
        let unseated = EvidenceVisibility(buyer: F.buyer, seller: F.seller)
        #expect(unseated.visible(items, to: .staff(F.arbiter, roles: [.arbiter])).isEmpty)
        #expect(unseated.canSee(items[0], viewer: .requester(F.seller)))
    }

    @Test func theHashReadsAsHex() {
        let hash: [UInt8] = [0x00, 0x0f, 0xa0, 0xff]
        #expect(EvidenceItem(id: 1, party: .buyer, contentSHA256: hash, submittedAt: ekb(4, "12:00")).contentHashHex == "000fa0ff")
    }
}
