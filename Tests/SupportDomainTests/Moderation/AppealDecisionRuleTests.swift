import Foundation
import SupportDomain
import SupportSchema
import Testing

struct AppealDecisionRuleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let issuer = StaffID(1), moderator = StaffID(2), owner = StaffID(3)
    var ban: AppealDecisionRule.Punishment { .init(kind: .ban, issuer: issuer, expiresAt: nil) }
    var mute: AppealDecisionRule.Punishment { .init(kind: .mute, issuer: issuer, expiresAt: now.addingTimeInterval(86_400)) }

    @Test func roundsStopAfterTheSecond() {
        #expect(AppealDecisionRule.round(afterDecisions: 0) == 1)
        #expect(AppealDecisionRule.round(afterDecisions: 1) == 2)
        #expect(AppealDecisionRule.round(afterDecisions: 2) == nil)
    }

    @Test func theIssuerNeverDecidesEvenAsOwner() {
        #expect(throws: AppealDecisionRule.Refusal.issuer) {
            try AppealDecisionRule.decide(.lift, by: issuer, roles: [.owner, .moderator], on: ban, round: 1, now: now)
        }
    }

    @Test func roundOneIsModeratorsOrOwnersAndRoundTwoOwnersOnly() throws {
        #expect(try AppealDecisionRule.decide(.lift, by: moderator, roles: [.moderator], on: ban, round: 1, now: now) == .lift)
        #expect(try AppealDecisionRule.decide(.uphold, by: owner, roles: [.owner], on: ban, round: 1, now: now) == AppealDecisionRule.Change.none)
        #expect(throws: AppealDecisionRule.Refusal.notModerator) {
            try AppealDecisionRule.decide(.lift, by: StaffID(9), roles: [.agent, .arbiter], on: ban, round: 1, now: now)
        }
        #expect(throws: AppealDecisionRule.Refusal.ownersOnly) {
            try AppealDecisionRule.decide(.lift, by: moderator, roles: [.moderator], on: ban, round: 2, now: now)
        }
        #expect(try AppealDecisionRule.decide(.lift, by: owner, roles: [.owner], on: ban, round: 2, now: now) == .lift)
        #expect(throws: AppealDecisionRule.Refusal.final) {
            try AppealDecisionRule.decide(.lift, by: owner, roles: [.owner], on: ban, round: nil, now: now)
        }
    }

    @Test func aReductionEndsLaterThanNowAndEarlierThanBefore() throws {
        let sooner = now.addingTimeInterval(3600)
        #expect(try AppealDecisionRule.decide(.reduce, newExpiry: sooner, by: moderator, roles: [.moderator], on: mute, round: 1, now: now)
            == .expires(sooner))
        // A permanent ban may get any future end.
        let far = now.addingTimeInterval(86_400 * 365)
        #expect(try AppealDecisionRule.decide(.reduce, newExpiry: far, by: moderator, roles: [.moderator], on: ban, round: 1, now: now)
            == .expires(far))
        for bad in [now, now.addingTimeInterval(-1), now.addingTimeInterval(86_400), now.addingTimeInterval(90_000)] {
            #expect(throws: AppealDecisionRule.Refusal.expiryNotEarlier) {
                try AppealDecisionRule.decide(.reduce, newExpiry: bad, by: moderator, roles: [.moderator], on: mute, round: 1, now: now)
            }
        }
        #expect(throws: AppealDecisionRule.Refusal.expiryMissing) {
            try AppealDecisionRule.decide(.reduce, by: moderator, roles: [.moderator], on: mute, round: 1, now: now)
        }
        #expect(throws: AppealDecisionRule.Refusal.warningHasNoDuration) {
            try AppealDecisionRule.decide(.reduce, newExpiry: sooner, by: moderator, roles: [.moderator],
                                          on: .init(kind: .warning, issuer: issuer, expiresAt: nil), round: 1, now: now)
        }
    }

    @Test func aLiftedPunishmentHasNothingLeftToDecide() {
        for outcome in AppealOutcome.allCases {
            #expect(throws: AppealDecisionRule.Refusal.alreadyLifted) {
                try AppealDecisionRule.decide(outcome, newExpiry: now.addingTimeInterval(60), by: moderator, roles: [.moderator],
                                              on: .init(kind: .mute, issuer: issuer, expiresAt: nil, lifted: true), round: 1, now: now)
            }
        }
    }
}
