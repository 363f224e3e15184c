import Foundation

/// Where SwiftPM put the binaries of this build, so tests can start real `support` processes.
public enum BuiltProducts {
    /// The directory holding the test bundle, which is also where `support` was built.
    public static var directory: URL {
        let arg0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = arg0.deletingLastPathComponent()
        // The runner may be inside `X.xctest/` or beside it.
        while dir.path != "/" {
            if FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("support").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        return arg0.deletingLastPathComponent()
    }

    /// The `support` executable.
    public static var support: URL { directory.appendingPathComponent("support") }

    /// The repository root (for scripts and docker-compose.yml).
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
