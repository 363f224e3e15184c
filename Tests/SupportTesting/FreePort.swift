import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// TCP ports on 127.0.0.1 that nothing listens on, picked below the kernel's ephemeral range.
///
/// Inside that range a port free a moment ago can become the local end of any client socket of the same
/// run; that happened twice: to a random pick, and to a worker's ops port one above a port the kernel had
/// handed out for port 0 ("Address already in use"). Below it only listening servers take ports, and every
/// pick is checked by binding it.
public enum FreePort {
    public static func next() -> Int { block(1) }

    /// The first of `count` consecutive free ports.
    public static func block(_ count: Int) -> Int {
        let ceiling = max(ephemeralStart() - count, 20_001)
        for _ in 0..<100 {
            let base = Int.random(in: 20_000..<ceiling)
            if (base..<base + count).allSatisfy(isFree) { return base }
        }
        return Int.random(in: 20_000..<ceiling)
    }

    /// The low end of `net.ipv4.ip_local_port_range` (32768 by default).
    static func ephemeralStart() -> Int {
        let text = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)) ?? ""
        return text.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) } ?? 32_768
    }

    static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}
