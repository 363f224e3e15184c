/// A configuration value is missing or malformed. Its description is one line naming the setting,
/// and never contains a password.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The variable or flag at fault, e.g. `DATABASE_URL` or `--database-url`.
    public let setting: String
    public let problem: String

    public init(setting: String, problem: String) {
        self.setting = setting
        self.problem = problem
    }

    public var description: String { "\(setting): \(problem)" }
}
