import Foundation
import SupportDomain
import SupportSchema
import Testing

struct DeliveryRateLimitTests {
    let limit = DeliveryRateLimit.standard
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aTelegramChatTakesOneMessageASecond() {
        #expect(limit.delay(channel: .telegram, now: now, recipientSends: [], channelSends: []) == nil)
        let wait = limit.delay(channel: .telegram, now: now, recipientSends: [now.addingTimeInterval(-0.4)], channelSends: [])
        #expect(abs((wait ?? 0) - 0.6) < 0.0001)
        #expect(limit.delay(channel: .telegram, now: now, recipientSends: [now.addingTimeInterval(-1.5)], channelSends: []) == nil)
    }

    @Test func aChatGetsTwentyAMinute() {
        // One every two seconds for 40 s: the per-second window is clear, the per-minute one is full.
        let sends = (1...20).map { now.addingTimeInterval(-Double($0) * 2) }
        let wait = limit.delay(channel: .telegram, now: now, recipientSends: sends, channelSends: [])
        #expect(abs((wait ?? 0) - 20) < 0.0001)
    }

    @Test func thirtyASecondOverTheWholeBot() {
        let sends = (0..<30).map { now.addingTimeInterval(-0.9 + Double($0) * 0.01) }
        let wait = limit.delay(channel: .telegram, now: now, recipientSends: [], channelSends: sends)
        #expect(abs((wait ?? 0) - 0.1) < 0.0001)
        #expect(limit.delay(channel: .telegram, now: now, recipientSends: [], channelSends: Array(sends.dropFirst())) == nil)
    }

    @Test func inAppIsNeverHeldAndMailIsPerRecipient() {
        let burst = (0..<100).map { now.addingTimeInterval(-Double($0) * 0.001) }
        #expect(limit.delay(channel: .inApp, now: now, recipientSends: burst, channelSends: burst) == nil)
        #expect(limit.delay(channel: .email, now: now, recipientSends: Array(burst.prefix(9)), channelSends: []) == nil)
        #expect(limit.delay(channel: .email, now: now, recipientSends: Array(burst.prefix(10)), channelSends: []) != nil)
        #expect(limit.lookback == 60)
    }
}
