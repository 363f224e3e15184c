import Foundation

/// A long-running child process whose output lines a test can wait for.
///
/// Output goes to a temporary file that is read on demand: pipe readability handlers rely on
/// dispatch sources, which crashed the test process on Linux when a child's pipe closed.
public final class LiveProcess: Sendable {
    private let child: SpawnedProcess
    private let logURL: URL

    public init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], removing: [String] = []) throws {
        logURL = SpawnedProcess.scratchFile("live")
        child = try SpawnedProcess(
            executable, arguments, environment: SpawnedProcess.environment(adding: environment, removing: removing),
            stdin: nil, stdout: logURL, stderr: logURL)
    }

    public var pid: Int32 { child.pid }
    public var isRunning: Bool { child.isRunning }

    /// Every complete line written so far (stdout and stderr interleaved).
    public var output: [String] {
        guard let data = FileManager.default.contents(atPath: logURL.path) else { return [] }
        var lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        lines.removeLast()  // the part after the last newline is not a complete line yet
        return lines
    }

    public func signal(_ signal: Int32) { child.signal(signal) }

    /// Waits until an output line satisfies `match`, returning it; throws after `timeout`.
    @discardableResult
    public func waitForLine(timeout: Duration = .seconds(90), where match: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = output.first(where: match) { return line }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw LiveProcessTimeout(lastLines: output.suffix(30).joined(separator: "\n"))
    }

    /// Waits for the process to exit and returns its status; kills it after `timeout`.
    @discardableResult
    public func waitForExit(timeout: Duration = .seconds(90)) async throws -> Int32 {
        guard let status = try await child.waitForExit(timeout: timeout) else {
            child.killGroup()
            throw LiveProcessTimeout(lastLines: output.suffix(30).joined(separator: "\n"))
        }
        return status
    }

    /// Whatever is left of the child's process group goes with it.
    deinit {
        child.killGroup()
        try? FileManager.default.removeItem(at: logURL)
    }
}

public struct LiveProcessTimeout: Error, CustomStringConvertible {
    public let lastLines: String
    public var description: String { "timed out; last output:\n\(lastLines)" }
}
