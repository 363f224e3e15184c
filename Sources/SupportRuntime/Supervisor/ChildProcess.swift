import Foundation
import Synchronization

/// A started child OS process and a way to await its exit.
///
/// Foundation's `Process` is not `Sendable`; this wrapper only touches it to start it, read its pid
/// and send signals, which are safe from any thread once it runs.
final class ChildProcess: @unchecked Sendable {
    private let process = Process()
    private let exit = Mutex<(status: Int32?, waiter: CheckedContinuation<Int32, Never>?)>((nil, nil))

    init(executable: URL, spec: ChildSpec) {
        process.executableURL = executable
        process.arguments = spec.arguments
        var environment = ProcessInfo.processInfo.environment
        environment.merge(spec.environment) { $1 }
        environment["SUPPORT_PROCESS_NAME"] = spec.name
        process.environment = environment
        process.terminationHandler = { [weak self] process in
            self?.finished(status: process.terminationStatus)
        }
    }

    func start() throws { try process.run() }

    var pid: Int32 { process.processIdentifier }

    /// Signals the child unless it has already exited (its pid may then belong to someone else).
    func signal(_ signal: Int32) {
        exit.withLock { state in
            let pid = process.processIdentifier
            if state.status == nil && pid > 0 { kill(pid, signal) }
        }
    }

    /// Waits for the process to exit and returns its status (or signal number).
    func waitForExit() async -> Int32 {
        await withCheckedContinuation { continuation in
            let status: Int32? = exit.withLock { state in
                if let status = state.status { return status }
                state.waiter = continuation
                return nil
            }
            if let status { continuation.resume(returning: status) }
        }
    }

    private func finished(status: Int32) {
        let waiter = exit.withLock { state -> CheckedContinuation<Int32, Never>? in
            state.status = status
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: status)
    }
}
