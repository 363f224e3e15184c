import SupportDomain
import SupportSchema
import Testing

struct CSATPolicyTests {
    @Test(arguments: CSATLowAction.allCases)
    func aLowScoreDoesWhatTheActionSays(action: CSATLowAction) {
        let policy = CSATPolicy(lowScoreMax: 2, onLow: action)
        let low = policy.effect(score: 2, status: .resolved)
        #expect(low.reopen == (action == .reopen || action == .reopenAndAlert))
        #expect(low.alertLead == (action == .alertLead || action == .reopenAndAlert))
        #expect(policy.effect(score: 3, status: .resolved) == .none)
    }

    @Test func onlyAFinishedTicketIsReopenedAndZeroTurnsThePolicyOff() {
        let policy = CSATPolicy(lowScoreMax: 4, onLow: .reopenAndAlert)
        #expect(policy.effect(score: 1, status: .open) == .init(reopen: false, alertLead: true))
        #expect(policy.effect(score: 1, status: .closed) == .init(reopen: true, alertLead: true))
        #expect(CSATPolicy(lowScoreMax: 0, onLow: .reopenAndAlert).effect(score: 1, status: .resolved) == .none)
    }
}
