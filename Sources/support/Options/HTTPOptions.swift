import ArgumentParser
import Foundation

/// Where a process serves HTTP (`/health`, `/metrics`, and for the API everything else).
struct HTTPOptions: ParsableArguments {
    @Option(name: .customLong("http-host"), help: "Address to bind. Default: $SUPPORT_HTTP_HOST or 127.0.0.1.")
    var host: String?

    @Option(name: .customLong("http-port"), help: "Port to bind; 0 picks a free one. Default: $SUPPORT_HTTP_PORT or the process's default.")
    var port: Int?

    func resolvedHost() -> String {
        host ?? ProcessInfo.processInfo.environment["SUPPORT_HTTP_HOST"] ?? "127.0.0.1"
    }

    func resolvedPort(default fallback: Int) throws -> Int {
        if let port {
            guard (0...65535).contains(port) else { throw ValidationError("--http-port: must be 0…65535, got \(port)") }
            return port
        }
        guard let raw = ProcessInfo.processInfo.environment["SUPPORT_HTTP_PORT"] else { return fallback }
        guard let port = Int(raw), (0...65535).contains(port) else {
            throw ValidationError("SUPPORT_HTTP_PORT: must be a port number, got \"\(raw)\"")
        }
        return port
    }
}
