import NIOCore
import NIOPosix

/// Which threads run a process's Swift tasks: NIO's event loops, or Swift's own pool.
///
/// On the event loops, a query's answer resumes the task that waits for it on the thread that read it,
/// with no switch to another pool. That is most of what is left of a job's enqueue→start time on an idle
/// queue, and the handlers of real jobs ran as fast or faster; a no-op drain lost 15 % and the API's accept
/// p99 under overload doubled (Docs/PERFORMANCE.md, "Executors"). So worker processes (and the queue
/// benchmark's latency producer) use the event loops and everything else keeps Swift's pool.
/// `SUPPORT_EXECUTOR` overrides the choice.
public enum ProcessExecutor: String, Sendable, CaseIterable {
    case eventLoops = "nio"
    case swiftPool = "swift"

    public static let variable = "SUPPORT_EXECUTOR"

    /// The executor for a command line (`arguments` as in `CommandLine.arguments`).
    /// - Throws: ``ProcessExecutorError`` when the variable names no executor.
    public init(arguments: [String], environment: [String: String]) throws {
        if let value = environment[Self.variable], !value.isEmpty {
            guard let chosen = ProcessExecutor(rawValue: value.lowercased()) else {
                throw ProcessExecutorError(value: value)
            }
            self = chosen
            return
        }
        let words = Array(arguments.dropFirst().prefix(2))
        let onLoops = words.first == "worker" || words == ["bench", "queue-worker"] || words == ["bench", "queue-producer"]
        self = onLoops ? .eventLoops : .swiftPool
    }

    /// Installs this choice. Call once, first thing in `main`, before any task starts.
    public func install() {
        guard self == .eventLoops else { return }
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}

public struct ProcessExecutorError: Error, CustomStringConvertible {
    public let value: String
    public var description: String {
        "\(ProcessExecutor.variable): expected \(ProcessExecutor.allCases.map(\.rawValue).joined(separator: " or ")), got \"\(value)\""
    }
}
