import PostgresNIO
import Synchronization

/// Tells the calls running on a connection when it closes, with one `closeFuture` callback per connection:
/// a callback per call would pile up on a pooled connection that lives for days.
final class ConnectionCloseWatch: Sendable {
    static let shared = ConnectionCloseWatch()

    struct Token: Sendable {
        fileprivate let connection: ObjectIdentifier
        fileprivate let id: Int
    }

    private struct State {
        var nextID = 0
        var calls: [ObjectIdentifier: [Int: @Sendable () -> Void]] = [:]
    }

    private let state = Mutex(State())

    /// Calls `closed` once if `connection` closes before ``unregister(_:)`` (at once if it has closed).
    func register(_ connection: PostgresConnection, closed: @escaping @Sendable () -> Void) -> Token {
        let key = ObjectIdentifier(connection)
        let (token, first) = state.withLock { state -> (Token, Bool) in
            state.nextID += 1
            let first = state.calls[key] == nil
            state.calls[key, default: [:]][state.nextID] = closed
            return (Token(connection: key, id: state.nextID), first)
        }
        if first {
            connection.closeFuture.whenComplete { [self] _ in
                let calls = state.withLock { $0.calls.removeValue(forKey: key) } ?? [:]
                for call in calls.values { call() }
            }
        }
        return token
    }

    func unregister(_ token: Token) {
        state.withLock { state in
            state.calls[token.connection]?[token.id] = nil
        }
    }

    /// Calls registered on `connection` and not yet finished; nil if no close callback is installed on it.
    func registeredCalls(on connection: PostgresConnection) -> Int? {
        state.withLock { $0.calls[ObjectIdentifier(connection)]?.count }
    }
}
