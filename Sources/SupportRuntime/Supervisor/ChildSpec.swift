/// One process the supervisor keeps running.
public struct ChildSpec: Sendable, Equatable {
    /// A unique name, e.g. `worker-routing-2`; passed to the child as `SUPPORT_PROCESS_NAME`.
    public var name: String
    /// Arguments after the executable, e.g. `["worker", "routing"]`.
    public var arguments: [String]
    /// Added to the supervisor's own environment.
    public var environment: [String: String]

    public init(name: String, arguments: [String], environment: [String: String] = [:]) {
        self.name = name
        self.arguments = arguments
        self.environment = environment
    }
}
