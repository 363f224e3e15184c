import Foundation
import JobQueue
import SupportTesting
import Testing

/// Runs one Selenium scenario (`Tests/Browser/<name>.py`) against a live server on real PostgreSQL, with
/// the given job handlers running as a worker next to it, and fails with the script's own message.
struct BrowserScenario {
    /// `python3` on PATH (the test venv's first, where `Deploy/local/test.sh` installs Selenium).
    static func python() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Where the scenarios save their screenshots for review (not in git).
    static var screenshots: URL { BuiltProducts.repositoryRoot.appendingPathComponent("screenshots") }

    /// Runs `script` with `--base-url`, `--screenshots` and `arguments`; `queues` are worked by `handlers`
    /// meanwhile. Records an issue unless the script exits 0.
    static func run(
        _ script: String, app: AuthFixture, arguments: [String], handlers: JobHandlerRegistry = JobHandlerRegistry(),
        queues: [String: Int] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let python = try #require(Self.python(), "python3 is not on PATH: run the tests through Deploy/local/test.sh")
        let port = try #require(app.http.port)
        var worker: JobWorker?
        if !queues.isEmpty {
            var configuration = JobWorkerConfiguration(queues: queues)
            configuration.shutdownTimeout = .seconds(2)
            worker = JobWorker(client: app.client, connection: app.connection, configuration: configuration, handlers: handlers, logger: app.logger)
        }
        let path = BuiltProducts.repositoryRoot.appendingPathComponent("Tests/Browser/\(script).py").path
        let result = try await withThrowingTaskGroup(of: CommandResult?.self) { group in
            if let worker { group.addTask { try await worker.run(); return nil } }
            let result = try await CommandResult.run(
                python, [path, "--base-url", "http://127.0.0.1:\(port)", "--screenshots", screenshots.path] + arguments,
                timeout: .seconds(300))
            group.cancelAll()
            return result
        }
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr.suffix(3000))", sourceLocation: sourceLocation)
    }
}
