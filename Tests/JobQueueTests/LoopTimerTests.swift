@testable import JobQueue
import NIOCore
import NIOPosix
import Synchronization
import Testing

/// Timers and sleeps kept by the caller's event loop in worker processes, by a sleeping task elsewhere:
/// both places must keep `Task.sleep`'s meaning (the delay, cancellation).
struct LoopTimerTests {
    /// Runs its sleeps on the loop's thread, as a worker process's tasks do.
    private actor OnLoop {
        let loop: any EventLoop
        init(_ loop: any EventLoop) { self.loop = loop }
        nonisolated var unownedExecutor: UnownedSerialExecutor { loop.executor.asUnownedSerialExecutor() }

        /// Sleeps, and says whether it still ran on the loop afterwards.
        func sleep(for duration: Duration) async throws -> Bool {
            precondition(loop.inEventLoop)
            try await LoopTimer.sleep(for: duration)
            return loop.inEventLoop
        }
    }

    private static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    private final class Fired: Sendable {
        private let count = Atomic(0)
        var value: Int { count.load(ordering: .sequentiallyConsistent) }
        func add() { count.add(1, ordering: .sequentiallyConsistent) }
    }

    /// Arms a timer on the loop's thread (`onLoop`) or off it, and counts how often it fired.
    private static func arm(onLoop: Bool, after delay: Duration, fired: Fired) async throws -> LoopTimer {
        let make: @Sendable () -> LoopTimer = { LoopTimer(after: delay) { fired.add() } }
        return onLoop ? try await group.next().submit(make).get() : make()
    }

    private static func waitUntilFired(_ fired: Fired, within limit: Duration) async throws {
        let deadline = ContinuousClock.now + limit
        while fired.value == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    @Test(arguments: [true, false])
    func aTimerFiresOnceAfterItsDelay(onLoop: Bool) async throws {
        let fired = Fired()
        let started = ContinuousClock.now
        _ = try await Self.arm(onLoop: onLoop, after: .milliseconds(40), fired: fired)
        try await Self.waitUntilFired(fired, within: .seconds(5))
        #expect(ContinuousClock.now - started >= .milliseconds(40))
        try await Task.sleep(for: .milliseconds(100))
        #expect(fired.value == 1)
    }

    @Test(arguments: [true, false])
    func aCancelledTimerNeverFires(onLoop: Bool) async throws {
        let fired = Fired()
        let timer = try await Self.arm(onLoop: onLoop, after: .milliseconds(40), fired: fired)
        timer.cancel()
        try await Task.sleep(for: .milliseconds(300))
        #expect(fired.value == 0)
    }

    @Test func aSleepOnTheLoopWaitsItsDurationAndStaysOnTheLoop() async throws {
        let onLoop = OnLoop(Self.group.next())
        let started = ContinuousClock.now
        let stayed = try await onLoop.sleep(for: .milliseconds(40))
        #expect(ContinuousClock.now - started >= .milliseconds(40))
        #expect(stayed)
    }

    @Test(arguments: [true, false])
    func aCancelledSleepThrowsCancellationAtOnce(onLoop: Bool) async throws {
        let loop = OnLoop(Self.group.next())
        let sleeper = Task {
            if onLoop { _ = try await loop.sleep(for: .seconds(60)) } else { try await LoopTimer.sleep(for: .seconds(60)) }
        }
        try await Task.sleep(for: .milliseconds(50))
        let started = ContinuousClock.now
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test(arguments: [true, false])
    func aSleepInACancelledTaskThrowsWithoutWaiting(onLoop: Bool) async throws {
        let loop = OnLoop(Self.group.next())
        let sleeper = Task {
            while !Task.isCancelled { await Task.yield() }
            if onLoop { _ = try await loop.sleep(for: .seconds(60)) } else { try await LoopTimer.sleep(for: .seconds(60)) }
        }
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
    }
}
