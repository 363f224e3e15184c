import Foundation

/// Runs `/bin/sh -c COMMAND` to completion without Foundation's `Process`, whose exit monitoring left
/// the restart command of a chaos run unreaped (a zombie that `isRunning` still reported running).
enum ShellCommand {
    /// The command's exit status (128 + signal if it was killed); stdout is discarded, stderr inherited.
    static func run(_ command: String) async throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let words: [String] = ["/bin/sh", "-c", command]
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { word in word.withCString { strdup($0) } } + [nil]
        defer { arguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, arguments, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        let child = pid
        return await withCheckedContinuation { continuation in
            // A plain thread: waitpid blocks, and must not hold one of the few cooperative-pool threads.
            let waiter = Thread {
                var status: Int32 = 0
                while waitpid(child, &status, 0) == -1 && errno == EINTR {}
                let signal = status & 0x7F
                continuation.resume(returning: signal == 0 ? (status >> 8) & 0xFF : 128 + signal)
            }
            waiter.start()
        }
    }
}
