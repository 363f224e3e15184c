import Foundation

/// A long-running child process whose output lines a test can wait for.
///
/// Output goes to a temporary file that is read on demand: pipe readability handlers rely on
/// dispatch sources, which crashed the test process on Linux when a child's pipe closed.
public final class LiveProcess: @unchecked Sendable {
    // Process is not Sendable; it is only started, signalled and polled here.
    private let process = Process()
    private let logURL: URL

    public init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], removing: [String] = []) throws {
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in removing { env.removeValue(forKey: key) }
        env.merge(environment) { $1 }
        process.environment = env
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("live-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try log.close()
    }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    /// Every complete line written so far (stdout and stderr interleaved).
    public var output: [String] {
        guard let data = FileManager.default.contents(atPath: logURL.path) else { return [] }
        var lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        lines.removeLast()  // the part after the last newline is not a complete line yet
        return lines
    }

    public func signal(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

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
    @discardableResult
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
        try? FileManager.default.removeItem(at: logURL)
    }
}

public struct LiveProcessTimeout: Error, CustomStringConvertible {
    public let lastLines: String
    public var description: String { "timed out; last output:\n\(lastLines)" }
}
