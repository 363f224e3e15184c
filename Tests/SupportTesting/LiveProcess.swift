import Foundation
import Synchronization

/// A long-running child process whose output lines a test can wait for.
public final class LiveProcess: @unchecked Sendable {
    // Process is not Sendable; it is only started, signalled and polled here.
    private let process = Process()
    private let lines = Mutex<[String]>([])

    public init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], removing: [String] = []) throws {
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in removing { env.removeValue(forKey: key) }
        env.merge(environment) { $1 }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let buffer = Mutex<Data>(Data())
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            guard !chunk.isEmpty else { handle.readabilityHandler = nil; return }
            let complete: [String] = buffer.withLock { data in
                data.append(chunk)
                var out: [String] = []
                while let newline = data.firstIndex(of: 0x0A) {
                    out.append(String(decoding: data[data.startIndex..<newline], as: UTF8.self))
                    data.removeSubrange(data.startIndex...newline)
                }
                return out
            }
            self?.lines.withLock { $0.append(contentsOf: complete) }
        }
        try process.run()
    }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }
    public var output: [String] { lines.withLock { $0 } }

    public func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits until an output line satisfies `match`, returning it; throws after `timeout`.
    @discardableResult
    public func waitForLine(timeout: Duration = .seconds(30), where match: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = output.first(where: match) { return line }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw LiveProcessTimeout(lastLines: output.suffix(30).joined(separator: "\n"))
    }

    /// Waits for the process to exit and returns its status; kills it after `timeout`.
    public func waitForExit(timeout: Duration = .seconds(30)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                kill(process.processIdentifier, SIGKILL)
                throw LiveProcessTimeout(lastLines: output.suffix(30).joined(separator: "\n"))
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

public struct LiveProcessTimeout: Error, CustomStringConvertible {
    public let lastLines: String
    public var description: String { "timed out; last output:\n\(lastLines)" }
}
