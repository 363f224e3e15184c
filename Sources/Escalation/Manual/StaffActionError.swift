public import SupportDomain
public import SupportSchema

/// Why a staff action of the escalation worker's module is refused; the API turns it into a 4xx.
public enum StaffActionError: Error, Hashable, Sendable, CustomStringConvertible {
    case forbidden(String)
    case notFound(TicketID)
    case refused(ManualEscalationError)
    case notFixable(String)

    public var description: String {
        switch self {
        case .forbidden(let why): why
        case .notFound(let id): "ticket \(id) not found"
        case .refused(let error): error.description
        case .notFixable(let why): why
        }
    }
}
