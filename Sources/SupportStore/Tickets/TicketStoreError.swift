/// A ticket repository failure that is not a database error.
public enum TicketStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case unexpectedValue(String)
    case invalidCSAT(Int)

    public var description: String {
        switch self {
        case .unexpectedValue(let detail): "unexpected ticket data: \(detail)"
        case .invalidCSAT(let score): "CSAT score \(score) is outside 1–5"
        }
    }
}
