import Foundation
import Logging
import SupportStore

/// The embedded default: the throwaway PostgreSQL cluster under `.data/pg`, run by `Deploy/local/pg.sh`.
enum LocalCluster {
    static func start(logger: Logger) throws {
        guard let script = findScript() else {
            throw ConfigurationError(
                setting: "DATABASE_URL",
                problem: "not set, and Deploy/local/pg.sh (which runs the local cluster) is not found from \(FileManager.default.currentDirectoryPath); run from the repository or set DATABASE_URL"
            )
        }
        logger.info("starting the local PostgreSQL cluster", metadata: ["script": "\(script.path)"])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, "start"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ConfigurationError(setting: "DATABASE_URL", problem: "the local cluster did not start (Deploy/local/pg.sh exited \(process.terminationStatus)); see .data/pg/server.log")
        }
    }

    /// Looks in the working directory and its parents, then beside the binary (`.build/debug/support`).
    private static func findScript() -> URL? {
        let starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath), SelfExecutable.url.deletingLastPathComponent()]
        for start in starts {
            var dir = start
            while dir.path != "/" {
                let candidate = dir.appendingPathComponent("Deploy/local/pg.sh")
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        return nil
    }
}
