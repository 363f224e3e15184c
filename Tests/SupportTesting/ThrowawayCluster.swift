import Foundation
public import Logging
public import SupportStore

/// A PostgreSQL 15 cluster of this test's own, on a random port, so restarting it disturbs nobody.
public struct ThrowawayCluster: Sendable {
    public static let bin = "/usr/lib/postgresql/15/bin"
    public let directory: String
    public let port: Int
    public let maxConnections: Int
    public let logger: Logger

    /// The superuser `postgres` (trust authentication) on database `postgres`.
    public var settings: DatabaseSettings {
        var settings = DatabaseSettings(host: "127.0.0.1", port: port, username: "postgres", password: nil,
                                        database: "postgres", tls: .disable)
        settings.maxConnections = 10
        return settings
    }

    private var options: String { "-c listen_addresses=127.0.0.1 -p \(port) -k \(directory) -c fsync=off -c max_connections=\(maxConnections)" }

    /// - Parameter maxConnections: the server's `max_connections`; a whole platform of processes needs a few hundred.
    public static func start(maxConnections: Int = 50) async throws -> ThrowawayCluster {
        // Off the cooperative pool: initdb and pg_ctl block for seconds.
        try await Task.detached { try startBlocking(maxConnections: maxConnections) }.value
    }

    private static func startBlocking(maxConnections: Int) throws -> ThrowawayCluster {
        // A port free when picked can be taken before the server binds it: try another, twice.
        var attempt = 1
        while true {
            do { return try startBlocking(maxConnections: maxConnections, port: FreePort.next()) } catch where attempt < 3 {
                attempt += 1
            }
        }
    }

    private static func startBlocking(maxConnections: Int, port: Int) throws -> ThrowawayCluster {
        var logger = Logger(label: "test.cluster")
        logger.logLevel = .critical
        let directory = NSTemporaryDirectory() + "jobqueue-pg-\(port)-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try run("/bin/chown", ["postgres:postgres", directory])
        try run("/bin/chmod", ["700", directory])
        try run("/usr/sbin/runuser", ["-u", "postgres", "--", "\(bin)/initdb", "-D", directory, "-U", "postgres",
                                      "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"])
        let cluster = ThrowawayCluster(directory: directory, port: port, maxConnections: maxConnections, logger: logger)
        try cluster.pgctl(["start", "-w", "-t", "60", "-l", "\(directory)/server.log", "-o", cluster.options])
        return cluster
    }

    public func restart() async throws {
        // Off the cooperative pool: pg_ctl blocks for a second or two.
        let cluster = self
        try await Task.detached { try cluster.pgctl(["restart", "-m", "fast", "-w", "-t", "60", "-l", "\(directory)/server.log", "-o", options]) }.value
    }

    public func stop() async {
        let cluster = self
        _ = await Task.detached { try? cluster.pgctl(["stop", "-m", "immediate", "-w"]) }.value
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A shell command that restarts this cluster the way ``restart()`` does, for a child process to run.
    public var restartCommand: String {
        "cd / && runuser -u postgres -- \(Self.bin)/pg_ctl -D \(directory) restart -m fast -w -t 60 -l \(directory)/server.log -o '\(options)'"
    }

    private func pgctl(_ arguments: [String]) throws {
        try Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", "\(Self.bin)/pg_ctl", "-D", directory] + arguments)
    }

    /// Runs a command to completion from `/` (initdb must start in a directory the postgres user can read).
    private static func run(_ executable: String, _ arguments: [String]) throws {
        let path = FileManager.default.isExecutableFile(atPath: executable)
            ? executable : "/usr/bin/" + (executable as NSString).lastPathComponent
        let devNull = URL(fileURLWithPath: "/dev/null")
        let child = try SpawnedProcess(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "cd / && exec \"$@\"", "sh", path] + arguments,
            environment: ProcessInfo.processInfo.environment, stdin: nil, stdout: devNull, stderr: devNull)
        let code = child.waitBlocking()
        guard code == 0 else {
            throw ClusterError(message: "\(executable) \(arguments.joined(separator: " ")) failed (status \(code))")
        }
    }

    struct ClusterError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
