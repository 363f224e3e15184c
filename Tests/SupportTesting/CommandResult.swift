import Foundation

/// The outcome of running a command to completion.
public struct CommandResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    /// Runs `executable` with `arguments` and waits, killing it (and its process group) after `timeout`;
    /// a killed command reports status 137.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:],
        removing: [String] = [], input: Data? = nil, timeout: Duration = .seconds(60)
    ) async throws -> CommandResult {
        let inputFile = input.map { SpawnedProcess.scratchFile("cmd-in", contents: $0) }
        let out = SpawnedProcess.scratchFile("cmd-out"), err = SpawnedProcess.scratchFile("cmd-err")
        defer { for url in [inputFile, out, err].compactMap({ $0 }) { try? FileManager.default.removeItem(at: url) } }
        let child = try SpawnedProcess(
            executable, arguments, environment: SpawnedProcess.environment(adding: environment, removing: removing),
            stdin: inputFile, stdout: out, stderr: err)
        let status: Int32
        if let code = try await child.waitForExit(timeout: timeout) {
            status = code
        } else {
            child.killGroup()
            status = child.exitStatus() ?? 137
        }
        return CommandResult(
            status: status,
            stdout: String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self)
        )
    }
}
