import Foundation
import SupportDomain
import SupportSchema
import Testing

struct TokenPolicyTests {
    let policy = TokenPolicy()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func sessionsAreShortAndAPITokensLong() {
        #expect(policy.expiry(of: .session, issuedAt: now) == now.addingTimeInterval(12 * 3600))
        #expect(policy.expiry(of: .api, issuedAt: now) == now.addingTimeInterval(90 * 86400))
        #expect(policy.lifetime(of: .session) < policy.lifetime(of: .api))
    }

    @Test func aTokenIsValidUntilItExpires() {
        #expect(policy.state(expiresAt: now.addingTimeInterval(1), revokedAt: nil, now: now) == .valid)
        #expect(policy.state(expiresAt: now, revokedAt: nil, now: now) == .expired)
        #expect(policy.state(expiresAt: now.addingTimeInterval(-1), revokedAt: nil, now: now) == .expired)
    }

    @Test func revocationWinsOverEverything() {
        #expect(policy.state(expiresAt: now.addingTimeInterval(3600), revokedAt: now.addingTimeInterval(-1), now: now) == .revoked)
        #expect(policy.state(expiresAt: now.addingTimeInterval(-1), revokedAt: now.addingTimeInterval(-5), now: now) == .revoked)
    }

    @Test func lastUseIsWrittenAtMostOncePerInterval() {
        #expect(policy.needsTouch(lastUsedAt: nil, now: now))
        #expect(!policy.needsTouch(lastUsedAt: now.addingTimeInterval(-59), now: now))
        #expect(policy.needsTouch(lastUsedAt: now.addingTimeInterval(-60), now: now))
    }
}
