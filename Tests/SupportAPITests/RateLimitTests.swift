import Foundation
import HTTPTypes
import SupportAPI
import Testing

struct TokenBucketTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aBurstThenTheSteadyRate() {
        var bucket = TokenBucket(capacity: 3, refillPerSecond: 0.5, now: t0)
        for _ in 0..<3 { #expect(bucket.take(now: t0) == nil) }
        #expect(bucket.take(now: t0) == 2)
        #expect(bucket.take(now: t0.addingTimeInterval(1)) == 1)
        #expect(bucket.take(now: t0.addingTimeInterval(2)) == nil)
        #expect(bucket.take(now: t0.addingTimeInterval(2)) == 2)
    }

    @Test func refillsNoFurtherThanItsCapacity() {
        var bucket = TokenBucket(capacity: 2, refillPerSecond: 1, now: t0)
        _ = bucket.take(now: t0)
        #expect(bucket.isFull(now: t0.addingTimeInterval(1)))
        let later = t0.addingTimeInterval(3600)
        #expect(bucket.take(now: later) == nil && bucket.take(now: later) == nil)
        #expect(bucket.take(now: later) != nil)
    }

    @Test func aClockGoingBackwardsGivesNothingAway() {
        var bucket = TokenBucket(capacity: 1, refillPerSecond: 1, now: t0)
        _ = bucket.take(now: t0)
        #expect(bucket.take(now: t0.addingTimeInterval(-10)) != nil)
    }
}

struct IntakeRateLimitTests {
    @Test func thePublicFormIsLimitedPerClientWith429AndRetryAfter() async throws {
        var configuration = AuthFixture.configuration()
        configuration.intakeRateLimit = RateLimit(burst: 3, perMinute: 1)
        try await AuthFixture.with(configuration: configuration) { app in
            let form = #"{"email": "ivan@example.com", "body": "help"}"#
            for _ in 0..<3 {
                #expect(try await app.call(.post, "/api/v1/inbound/web", json: form).status == .accepted)
            }
            let limited = try await app.call(.post, "/api/v1/inbound/web", json: form)
            #expect(limited.status == .tooManyRequests && limited.errorCode == "rate_limited", "\(limited.body)")
            #expect(limited.headers[.retryAfter].flatMap { Int($0) }.map { (1...60).contains($0) } == true)
            // Other endpoints are not limited by it.
            #expect(try await app.call(.get, "/api/v1/openapi.json").status == .ok)
            #expect(try await app.int("SELECT count(*) FROM inbound_item") == 3)
        }
    }
}
