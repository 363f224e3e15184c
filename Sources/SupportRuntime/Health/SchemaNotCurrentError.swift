import PostgresMigrations

/// The process refused to start because the schema does not match the binary.
public struct SchemaNotCurrentError: Error, CustomStringConvertible {
    public let status: SchemaStatus
    public let database: String

    public init(status: SchemaStatus, database: String) {
        self.status = status
        self.database = database
    }

    public var description: String { "database \(database) is not ready: \(status.summary)" }
}
