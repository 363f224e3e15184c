/// A row routing cannot read; the job fails and the queue retries or dead-letters it.
enum RoutingError: Error, CustomStringConvertible {
    case unexpectedValue(String)

    var description: String {
        switch self {
        case .unexpectedValue(let what): "unexpected value in the database: \(what)"
        }
    }
}
