import ArgumentParser
import Foundation
import HummingbirdBcrypt
import Logging
import ServiceLifecycle
import SupportRuntime
import SupportSchema
import SupportStore

struct UpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Run the whole platform locally: database, migrations, demo data, API and every worker.",
        discussion: """
            With no database configured, starts the throwaway local PostgreSQL cluster under .data/pg \
            (installing PostgreSQL 15 from Debian packages if missing) via Deploy/local/pg.sh. Then it \
            migrates, seeds demo data, and starts `support api` and one `support worker KIND` per kind \
            as separate OS processes, restarting any that dies. Ctrl-C stops them all gracefully.

            Example: support up --scale routing=2 --scale intake=2
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var http: HTTPOptions
    @OptionGroup var logging: LoggingOptions

    @Option(help: "First port for the workers' /health and /metrics (each worker takes the next).")
    var opsPortBase = 9100

    @Option(help: "Processes per worker kind, as KIND=N (repeatable). Default: one of each.")
    var scale: [String] = []

    @Flag(help: "Skip loading demo data.") var noSeed = false

    func validate() throws {
        _ = try scaleByKind()
        guard (1...65000).contains(opsPortBase) else { throw ValidationError("--ops-port-base: must be 1…65000") }
    }

    func scaleByKind() throws -> [WorkerKind: Int] {
        var result: [WorkerKind: Int] = [:]
        for item in scale {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = WorkerKind(rawValue: parts[0]), let n = Int(parts[1]), (0...32).contains(n) else {
                throw ValidationError("--scale: expected KIND=N with KIND one of \(WorkerKind.allCases.map(\.rawValue).joined(separator: ", ")) and N 0…32, got \"\(item)\"")
            }
            result[kind] = n
        }
        return result
    }

    func run() async throws {
        let logger = logging.makeLogger(label: "up")
        if database.usesEmbeddedDefault {
            try LocalCluster.start(logger: logger)
        }
        let settings = try database.settings()
        try await DatabaseProbe.check(settings, migrator: nil, logger: logger)
        let seed = !noSeed
        let demo: DemoSeed.Summary? = try await settings.withClient(logger: logger) { client in
            try await SchemaCatalog.migrator.migrate(client: client, logger: logger)
            return seed ? try await DemoSeed.load(client: client, passwordHash: Bcrypt.hash(DemoSeed.password, cost: 10), logger: logger) : nil
        }
        let children = try childSpecs(settings: settings)
        let supervisor = Supervisor(executable: SelfExecutable.url, children: children, logger: logger)
        printBanner(apiPort: try http.resolvedPort(default: 8080), children: children, demo: demo)
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: supervisor)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await group.run()
    }

    private func childSpecs(settings: DatabaseSettings) throws -> [ChildSpec] {
        let common = ["DATABASE_URL": settings.url, "SUPPORT_HTTP_HOST": http.resolvedHost()]
        var children = [ChildSpec(name: "api", arguments: ["api"], environment: common.merging(["SUPPORT_HTTP_PORT": "\(try http.resolvedPort(default: 8080))"]) { $1 })]
        let scale = try scaleByKind()
        var port = opsPortBase
        for kind in WorkerKind.allCases {
            for index in 1...max(1, scale[kind] ?? 1) where (scale[kind] ?? 1) > 0 {
                port += 1
                children.append(ChildSpec(
                    name: "worker-\(kind.rawValue)-\(index)", arguments: ["worker", kind.rawValue],
                    environment: common.merging(["SUPPORT_HTTP_PORT": "\(port)"]) { $1 }
                ))
            }
        }
        return children
    }

    private func printBanner(apiPort: Int, children: [ChildSpec], demo: DemoSeed.Summary?) {
        let host = http.resolvedHost()
        var lines = [
            "",
            "Support platform is starting (\(children.count) processes). Ctrl-C stops everything.",
            "  API:      http://\(host):\(apiPort)/",
            "  Health:   http://\(host):\(apiPort)/health    Metrics: http://\(host):\(apiPort)/metrics",
            "  Workers:  " + children.dropFirst().map { "\($0.name) :\($0.environment["SUPPORT_HTTP_PORT"] ?? "?")" }.joined(separator: ", "),
            "  Queue:    support jobs stats",
        ]
        if let demo {
            lines.append("  Demo data: \(demo.description)")
            for login in demo.logins { lines.append("    \(login)") }
        }
        lines.append("")
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
