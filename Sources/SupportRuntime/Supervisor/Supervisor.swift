import Foundation
import Logging
import ServiceLifecycle

/// Keeps a set of child processes running: starts each, restarts one that dies (with backoff), and on
/// graceful shutdown sends SIGTERM to all and SIGKILL to any still alive after `stopTimeout`.
///
/// Every start is announced on stdout as `supervisor: started NAME pid=PID`, so people and tests can
/// follow what runs.
public struct Supervisor: Service {
    public let executable: URL
    public let children: [ChildSpec]
    public var restartPolicy = RestartPolicy()
    public var stopTimeout: Duration = .seconds(20)
    let logger: Logger

    public init(executable: URL, children: [ChildSpec], logger: Logger) {
        self.executable = executable
        self.children = children
        self.logger = logger
    }

    public func run() async throws {
        await withDiscardingTaskGroup { group in
            for spec in children {
                group.addTask { await supervise(spec) }
            }
        }
    }

    private func supervise(_ spec: ChildSpec) async {
        var delay: Duration?
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let child = ChildProcess(executable: executable, spec: spec)
            let started = ContinuousClock.now
            do {
                try child.start()
            } catch {
                logger.error("cannot start child", metadata: ["child": "\(spec.name)", "error": "\(error)"])
                delay = restartPolicy.delay(previous: delay, ranFor: .zero)
                if await !pause(delay!) { return }
                continue
            }
            announce("started \(spec.name) pid=\(child.pid)")
            let status = await withTaskCancellationOrGracefulShutdownHandler {
                await child.waitForExit()
            } onCancelOrGracefulShutdown: {
                child.signal(SIGTERM)
                scheduleKill(child)
            }
            if Task.isCancelled || Task.isShuttingDownGracefully {
                announce("stopped \(spec.name) pid=\(child.pid) status=\(status)")
                return
            }
            let uptime = ContinuousClock.now - started
            delay = restartPolicy.delay(previous: delay, ranFor: uptime)
            announce("exited \(spec.name) pid=\(child.pid) status=\(status); restarting in \(delay!)")
            if await !pause(delay!) { return }
        }
    }

    /// Sleeps unless shutting down; false when the supervisor should stop.
    private func pause(_ delay: Duration) async -> Bool {
        do {
            try await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
        } catch {
            return false
        }
        return !Task.isCancelled && !Task.isShuttingDownGracefully
    }

    /// SIGKILL after the deadline for a child that ignores SIGTERM. A Dispatch timer rather than a task:
    /// the supervising task is blocked awaiting the exit, so the deadline must run beside it.
    private func scheduleKill(_ child: ChildProcess) {
        let timeout = stopTimeout
        let deadline = DispatchTime.now() + .nanoseconds(Int(timeout.components.seconds) * 1_000_000_000)
        DispatchQueue.global().asyncAfter(deadline: deadline) { child.signal(SIGKILL) }
    }

    private func announce(_ line: String) {
        FileHandle.standardOutput.write(Data("supervisor: \(line)\n".utf8))
    }
}
