/// What `/health` answers: liveness (the process answers) and readiness (it can do its work).
public struct HealthReport: Codable, Sendable, Equatable {
    public var process: String
    public var database: String
    public var schema: String
    public var listen: String?
    public var ready: Bool

    public init(process: String, database: String, schema: String, listen: String? = nil, ready: Bool) {
        self.process = process
        self.database = database
        self.schema = schema
        self.listen = listen
        self.ready = ready
    }
}
