import Foundation
import SupportDomain
import Testing

struct LoginThrottleTests {
    let throttle = LoginThrottle()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// `count` failures, one a second, the last `lastAgo` seconds before now.
    func failures(_ count: Int, lastAgo: TimeInterval = 0) -> [Date] {
        (0..<count).map { now.addingTimeInterval(-lastAgo - Double(count - 1 - $0)) }
    }

    @Test func theFirstFailuresAreFree() {
        for count in 0...5 {
            #expect(throttle.decide(failures: failures(count), now: now) == .allowed, "\(count)")
            #expect(throttle.delay(afterFailures: count) == 0)
        }
    }

    @Test func theWaitDoublesAndIsCapped() {
        #expect(throttle.delay(afterFailures: 6) == 1)
        #expect(throttle.delay(afterFailures: 7) == 2)
        #expect(throttle.delay(afterFailures: 8) == 4)
        #expect(throttle.delay(afterFailures: 15) == 512)
        #expect(throttle.delay(afterFailures: 16) == 900)
        #expect(throttle.delay(afterFailures: 10_000) == 900)
    }

    @Test func aSixthFailureMakesTheNextAttemptWait() {
        #expect(throttle.decide(failures: failures(6), now: now) == .wait(until: now.addingTimeInterval(1)))
        #expect(throttle.decide(failures: failures(8), now: now) == .wait(until: now.addingTimeInterval(4)))
    }

    @Test func waitingItOutAllowsTheNextAttempt() {
        #expect(throttle.decide(failures: failures(8, lastAgo: 4), now: now) == .allowed)
        #expect(throttle.decide(failures: failures(8, lastAgo: 3), now: now) == .wait(until: now.addingTimeInterval(1)))
    }

    @Test func failuresOutsideTheWindowAreForgotten() {
        let old = failures(30, lastAgo: 16 * 60)
        #expect(throttle.decide(failures: old, now: now) == .allowed)
        // Order does not matter.
        #expect(throttle.decide(failures: failures(8).reversed(), now: now) == .wait(until: now.addingTimeInterval(4)))
    }

    @Test func failuresFromTheFutureAreIgnored() {
        #expect(throttle.decide(failures: [now.addingTimeInterval(5)], now: now) == .allowed)
    }
}
