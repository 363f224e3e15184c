import Foundation
import SupportDomain
import SupportSchema
import Testing

struct DepositRuleTests {
    func deal(required: Bool, _ deposit: DepositStatus, _ status: DealStatus) -> DealSnapshot {
        DealSnapshot(id: 1, buyer: 1, seller: 2, amount: 10, currency: "USDT", depositRequired: required, depositStatus: deposit, status: status)
    }

    @Test func aDealRequiringADepositStartsOnlyOnceItIsHeld() {
        #expect(throws: DepositRuleError.depositNotConfirmed(.pending)) { try DepositRule.checkStart(deal(required: true, .pending, .registered)) }
        #expect(throws: Never.self) { try DepositRule.checkStart(deal(required: true, .held, .registered)) }
        #expect(throws: Never.self) { try DepositRule.checkStart(deal(required: false, .notRequired, .registered)) }
        #expect(throws: DepositRuleError.notStartable(.active)) { try DepositRule.checkStart(deal(required: false, .notRequired, .active)) }
    }

    @Test func aDisputeNeedsARunningDealWithItsDeposit() {
        #expect(throws: Never.self) { try DepositRule.checkDisputeOpening(deal(required: true, .held, .active)) }
        #expect(throws: DepositRuleError.notActive(.registered)) { try DepositRule.checkDisputeOpening(deal(required: true, .pending, .registered)) }
        #expect(throws: DepositRuleError.depositNotConfirmed(.pending)) { try DepositRule.checkDisputeOpening(deal(required: true, .pending, .active)) }
        #expect(throws: DepositRuleError.notActive(.disputed)) { try DepositRule.checkDisputeOpening(deal(required: false, .notRequired, .disputed)) }
    }

    @Test func satisfiedMatchesTheSchemaBackstop() {
        for status in DepositStatus.allCases {
            #expect(DepositRule.isSatisfied(deal(required: true, status, .registered)) == status.allowsStart, "\(status)")
        }
        #expect(DepositRule.isSatisfied(deal(required: false, .notRequired, .registered)))
        #expect(DepositRuleError.depositNotConfirmed(.pending).description == "the deal requires a deposit, which is pending")
    }
}
