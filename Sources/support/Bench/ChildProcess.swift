import Foundation
import Synchronization

/// A child `support` process driven line by line over its stdin and stdout (benchmark workers).
final class ChildProcess: Sendable {
    private let process: Process
    private let input: FileHandle
    let lines: AsyncStream<String>

    init(executable: URL, arguments: [String], environment: [String: String]) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.standardError
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        self.lines = stream
        self.process = process
        self.input = stdin.fileHandleForWriting
        let reader = stdout.fileHandleForReading
        // A plain thread: the read blocks, and must not hold one of the few cooperative-pool threads.
        let thread = Thread {
            var buffer = Data()
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: 0x0A) {
                    let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                    buffer.removeSubrange(buffer.startIndex...newline)
                    continuation.yield(line)
                }
            }
            continuation.finish()
        }
        thread.start()
        try process.run()
    }

    func send(_ line: String) {
        try? input.write(contentsOf: Data((line + "\n").utf8))
    }

    /// The next line that starts with `prefix` (others are skipped); nil if the child exits first.
    func line(startingWith prefix: String, iterator: inout AsyncStream<String>.Iterator) async -> String? {
        while let line = await iterator.next() {
            if line.hasPrefix(prefix) { return line }
        }
        return nil
    }

    func terminate() { if process.isRunning { process.terminate() } }
    var pid: Int32 { process.processIdentifier }

    func waitUntilExit() async {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(10)) }
    }
}

/// `key=value` fields of a child's report line.
func fields(_ line: String) -> [String: String] {
    var result: [String: String] = [:]
    for part in line.split(separator: " ") {
        let pair = part.split(separator: "=", maxSplits: 1)
        if pair.count == 2 { result[String(pair[0])] = String(pair[1]) }
    }
    return result
}

/// Resident set size of this process in KiB (from /proc/self/status).
func residentKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
    return 0
}

/// Writes one line to stdout at once (no buffering: a parent process is reading it).
func writeLine(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
