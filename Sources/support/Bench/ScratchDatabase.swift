import ArgumentParser
import SupportStore

/// A database a benchmark or the chaos run drops and recreates, named by an option, on the server of
/// DATABASE_URL.
enum ScratchDatabase {
    /// Throws unless `name` is a lower-case identifier (it is spliced into DROP/CREATE DATABASE).
    static func validate(_ name: String, option: String) throws {
        guard name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }), name.first?.isLetter == true else {
            throw ValidationError("\(option) must be a lower-case identifier, got \"\(name)\"")
        }
    }

    /// The server's settings with the scratch database; refuses the database of DATABASE_URL itself.
    static func settings(_ name: String, option: String, server: DatabaseSettings) throws -> DatabaseSettings {
        guard name != server.database else {
            throw ValidationError("\(option) must differ from the database of DATABASE_URL (\(server.database)): it is dropped")
        }
        var settings = server
        settings.database = name
        return settings
    }
}
