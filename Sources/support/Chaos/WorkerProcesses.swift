import Foundation

/// The `support worker …` processes this process started (its children), found through /proc: the
/// supervisor restarts them under new pids, so the monkey looks them up before every kill.
enum WorkerProcesses {
    static func children() -> [Int32] {
        let me = getpid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { pid in
            parentPID(of: pid) == me && arguments(of: pid).dropFirst().first == "worker"
        }
    }

    /// Field 4 of /proc/PID/stat; the command name before it may contain spaces, so parse after ")".
    private static func parentPID(of pid: Int32) -> Int32? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 ? Int32(fields[1]) : nil
    }

    private static func arguments(of pid: Int32) -> [String] {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return [] }
        return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}
