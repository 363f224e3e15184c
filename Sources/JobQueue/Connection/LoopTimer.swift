import NIOCore
import NIOPosix

/// A one-shot timer, and a sleep, kept by the event loop the caller runs on (by a sleeping task when it runs
/// on none).
///
/// `Task.sleep` goes through Dispatch even in a process whose tasks run on NIO's event loops: NIO takes over
/// the global executor's enqueue, not its delayed enqueue. Each sleep then wakes Dispatch's manager thread
/// and one of its worker threads when its deadline passes, and a cancelled sleep still does. A worker arms
/// one per job (the handler's time limit) and per claim, so at 150 tickets/s a routing worker kept about
/// 18,000 of them pending and spent a sixth of its CPU in Dispatch (Docs/PERFORMANCE.md, "Session 21").
/// On the loop a timer is an entry in its heap, and `cancel()` removes it.
public struct LoopTimer: Sendable {
    private let scheduled: Scheduled<Void>?
    private let task: Task<Void, Never>?

    /// Runs `action` after `delay` unless cancelled first.
    public init(after delay: Duration, _ action: @escaping @Sendable () async -> Void) {
        if let loop = MultiThreadedEventLoopGroup.currentEventLoop {
            // Unstructured on purpose: it starts only once the timer fires, as the sleeping task did.
            scheduled = loop.scheduleTask(in: TimeAmount(delay)) { Task { await action() } }
            task = nil
        } else {
            scheduled = nil
            task = Task {
                guard (try? await Task.sleep(for: delay)) != nil else { return }
                await action()
            }
        }
    }

    public func cancel() {
        scheduled?.cancel()
        task?.cancel()
    }

    /// Like `Task.sleep(for:)`: throws `CancellationError` when the task is cancelled first.
    public static func sleep(for duration: Duration) async throws {
        guard let loop = MultiThreadedEventLoopGroup.currentEventLoop else {
            try await Task.sleep(for: duration)
            return
        }
        try Task.checkCancellation()
        let scheduled = loop.scheduleTask(in: TimeAmount(duration)) {}
        try await withTaskCancellationHandler {
            do {
                try await scheduled.futureResult.get()
            } catch {
                throw Task.isCancelled ? CancellationError() : error
            }
        } onCancel: {
            scheduled.cancel()
        }
    }
}
