import Foundation
import SupportDomain
import SupportSchema
import Testing

struct ArbiterDrawTests {
    let buyer: RequesterID = 1
    let seller: RequesterID = 2
    let now = ekb(20, "12:00")

    func draw(_ candidates: [ArbiterCandidate], recused: Set<StaffID> = [], firstArbiter: StaffID? = nil, window: Int = 30) -> ArbiterDraw {
        ArbiterDraw(candidates: candidates, parties: [buyer, seller], recused: recused, firstArbiter: firstArbiter,
                    conflictWindowDays: window, now: now)
    }

    var clean: [ArbiterCandidate] { [ArbiterCandidate(id: 10), ArbiterCandidate(id: 11), ArbiterCandidate(id: 12)] }

    @Test func everyExclusionIsListedWithItsReason() {
        let recent = ekb(5, "12:00")          // 15 days before `now`
        let candidates = [
            ArbiterCandidate(id: 1, roles: [.agent]),
            ArbiterCandidate(id: 2, isActive: false),
            ArbiterCandidate(id: 3, isAway: true),
            ArbiterCandidate(id: 4, requesterAccounts: [seller, 99]),
            ArbiterCandidate(id: 5, lastTicketHandled: [buyer: recent]),
            ArbiterCandidate(id: 6, lastPunishmentHandled: [seller: recent]),
            ArbiterCandidate(id: 7, dealCounterparties: [buyer]),
            ArbiterCandidate(id: 8),
            ArbiterCandidate(id: 9),
            ArbiterCandidate(id: 10),
        ]
        var generator = SeededGenerator(seed: 0)
        let decision = draw(candidates, recused: [8], firstArbiter: 9).draw(using: &generator)
        #expect(decision.exclusions == [
            1: [.notArbiter], 2: [.inactive], 3: [.away], 4: [.party(seller)],
            5: [.handledTicket(of: buyer, at: recent)], 6: [.handledPunishment(of: seller, at: recent)],
            7: [.sharedDeal(with: buyer)], 8: [.recused], 9: [.firstArbiter],
        ])
        #expect(decision.pool == [10])
        #expect(decision.outcome == .drawn(10))
        #expect(decision.why == "drew 10 at random from 1 eligible, 9 excluded")
        #expect(decision.exclusions[4]?.allSatisfy(\.isConflict) == true)
        #expect(decision.exclusions[3]?.contains { $0.isConflict } == false)
    }

    @Test func oldHandlingIsNoLongerAConflictButADealAlwaysIs() {
        let old = ekb(3, "12:00")            // 17 days before `now`
        let candidate = ArbiterCandidate(id: 5, lastTicketHandled: [buyer: old], lastPunishmentHandled: [seller: old], dealCounterparties: [seller])
        #expect(draw([candidate], window: 30).exclusions(of: candidate) == [
            .handledTicket(of: buyer, at: old), .handledPunishment(of: seller, at: old), .sharedDeal(with: seller),
        ])
        #expect(draw([candidate], window: 10).exclusions(of: candidate) == [.sharedDeal(with: seller)])
        let unrelated = ArbiterCandidate(id: 6, lastTicketHandled: [42: now], dealCounterparties: [43])
        #expect(draw([unrelated]).exclusions(of: unrelated).isEmpty)
    }

    @Test func severalReasonsAreAllShown() {
        let candidate = ArbiterCandidate(id: 4, isAway: true, requesterAccounts: [buyer], dealCounterparties: [seller])
        #expect(draw([candidate], recused: [4]).exclusions(of: candidate) == [.away, .party(buyer), .sharedDeal(with: seller), .recused])
    }

    @Test func aSeedReplaysTheDrawWhateverTheLoadingOrder() {
        let candidates = (1...20).map { ArbiterCandidate(id: StaffID(Int64($0))) }
        for seed in UInt64(0)..<50 {
            var first = SeededGenerator(seed: seed)
            var second = SeededGenerator(seed: seed)
            let a = draw(candidates).draw(using: &first)
            let b = draw(candidates.reversed()).draw(using: &second)
            #expect(a == b, "seed \(seed)")
        }
    }

    @Test func theDrawIsSpreadOverTheEligibleOnly() {
        var candidates = clean
        candidates.append(ArbiterCandidate(id: 13, dealCounterparties: [seller]))
        var generator = SeededGenerator(seed: 2025)
        var drawn: [StaffID: Int] = [:]
        for _ in 0..<300 {
            let id = draw(candidates).draw(using: &generator).arbiter!
            drawn[id, default: 0] += 1
        }
        #expect(Set(drawn.keys) == [10, 11, 12])
        #expect(drawn.values.allSatisfy { $0 > 60 }, "roughly uniform: \(drawn)")
    }

    @Test func aRecusalRedrawsWithoutTheRecusedArbiter() throws {
        let first = draw(clean)
        var generator = SeededGenerator(seed: 7)
        let decision = first.draw(using: &generator)
        let recused = try #require(decision.arbiter)
        var again = SeededGenerator(seed: 7)
        let redraw = first.recusing(recused).draw(using: &again)
        #expect(redraw.arbiter != nil)
        #expect(redraw.arbiter != recused)
        #expect(redraw.exclusions == [recused: [.recused]])
        #expect(redraw.pool == clean.map(\.id).filter { $0 != recused })
        // Everyone recusing leaves the owners.
        let last = first.recusing(10).recusing(11).recusing(12).draw(using: &generator)
        #expect(last.outcome == .escalateToOwners)
    }

    @Test func nobodyEligibleEscalatesToOwners() {
        let candidates = [ArbiterCandidate(id: 1, requesterAccounts: [buyer]), ArbiterCandidate(id: 2, isAway: true)]
        var generator = SeededGenerator(seed: 1)
        let decision = draw(candidates).draw(using: &generator)
        #expect(decision.outcome == .escalateToOwners)
        #expect(decision.arbiter == nil)
        #expect(decision.pool.isEmpty)
        #expect(decision.why == "no eligible arbiter, 2 excluded: escalated to owners")
        #expect(draw([]).draw(using: &generator).why == "no eligible arbiter: escalated to owners")
    }

    @Test func anAppealDrawSkipsTheFirstArbiter() {
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<50 {
            #expect(draw(clean, firstArbiter: 11).draw(using: &generator).arbiter != 11)
        }
    }

    @Test func aCandidateListedTwiceCountsOnce() {
        var generator = SeededGenerator(seed: 3)
        let decision = draw([ArbiterCandidate(id: 10), ArbiterCandidate(id: 10)]).draw(using: &generator)
        #expect(decision.pool == [10])
    }
}
