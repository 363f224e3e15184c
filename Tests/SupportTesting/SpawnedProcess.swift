import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn` and reaped with `waitpid` on its own pid.
///
/// Foundation's `Process` sometimes never notices a child's exit while other tests start processes
/// (its `isRunning` stays true), which once hung a CI run for its full 90 minutes. `waitpid` on the
/// pid cannot miss the exit. Each child leads its own process group, so cleanup also reaches
/// grandchildren (e.g. the workers of `support up`).
public final class SpawnedProcess: Sendable {
    public let pid: pid_t
    private let status = Mutex<Int32?>(nil)

    /// - Parameters: files for the standard streams; `stdin` nil means /dev/null.
    public init(
        _ executable: URL, _ arguments: [String], environment: [String: String], stdin: URL?, stdout: URL, stderr: URL
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin?.path ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout.path, O_WRONLY | O_APPEND, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderr.path, O_WRONLY | O_APPEND, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw SpawnError(description: "cannot start \(executable.path): \(String(cString: strerror(spawned)))")
        }
        self.pid = pid
    }

    /// The exit code (128 + signal when killed), or nil while it runs.
    public func exitStatus() -> Int32? {
        status.withLock { known in
            if let known { return known }
            var raw: Int32 = 0
            let reaped = waitpid(pid, &raw, WNOHANG)
            // ECHILD: someone else reaped it; it is gone all the same.
            if reaped == -1 && errno == ECHILD { known = -1; return known }
            guard reaped == pid else { return nil }
            let signal = raw & 0x7f
            known = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
            return known
        }
    }

    public var isRunning: Bool { exitStatus() == nil }

    /// Signals the child itself (not its group) while it runs.
    public func signal(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// SIGKILL to the child's whole process group, then reaps the child.
    public func killGroup() {
        kill(-pid, SIGKILL)
        for _ in 0..<5_000 where isRunning { usleep(1_000) }
    }

    /// Blocks the calling thread until the child exits (for code off the cooperative pool).
    public func waitBlocking() -> Int32 {
        while true {
            if let code = exitStatus() { return code }
            usleep(2_000)
        }
    }

    /// Polls until the child exits; nil after `timeout`.
    public func waitForExit(timeout: Duration) async throws -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let code = exitStatus() { return code }
            try await Task.sleep(for: .milliseconds(20))
        }
        return exitStatus()
    }

    /// The same environment a child gets by default: this process's, edited.
    public static func environment(adding: [String: String], removing: [String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in removing { env.removeValue(forKey: key) }
        env.merge(adding) { $1 }
        return env
    }

    /// A new empty file in the temporary directory.
    public static func scratchFile(_ prefix: String, contents: Data? = nil) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: url.path, contents: contents)
        return url
    }
}

public struct SpawnError: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) { self.description = description }
}
