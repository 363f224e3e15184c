public import Foundation
public import SupportSchema

/// How long bearer tokens live and when a presented one is still good.
///
/// Pure; the API compares with the database's clock so every process agrees.
public struct TokenPolicy: Hashable, Sendable {
    /// Console and portal sign-ins.
    public var sessionLifetime: TimeInterval
    /// Tokens for scripts and integrations.
    public var apiLifetime: TimeInterval
    /// `last_used_at` is refreshed at most this often, so reads stay reads.
    public var touchInterval: TimeInterval

    public init(sessionLifetime: TimeInterval = 12 * 3600, apiLifetime: TimeInterval = 90 * 86400, touchInterval: TimeInterval = 60) {
        self.sessionLifetime = sessionLifetime
        self.apiLifetime = apiLifetime
        self.touchInterval = touchInterval
    }

    public enum State: String, Hashable, Sendable {
        case valid
        case expired
        case revoked
    }

    public func lifetime(of kind: AuthTokenKind) -> TimeInterval {
        switch kind {
        case .session: sessionLifetime
        case .api: apiLifetime
        }
    }

    /// When a token of `kind` issued at `issuedAt` expires.
    public func expiry(of kind: AuthTokenKind, issuedAt: Date) -> Date {
        issuedAt.addingTimeInterval(lifetime(of: kind))
    }

    /// Revocation wins over expiry (it is the stronger statement in the audit trail).
    public func state(expiresAt: Date, revokedAt: Date?, now: Date) -> State {
        if revokedAt != nil { return .revoked }
        return now < expiresAt ? .valid : .expired
    }

    /// Whether to write `last_used_at` for a use at `now`.
    public func needsTouch(lastUsedAt: Date?, now: Date) -> Bool {
        guard let lastUsedAt else { return true }
        return now.timeIntervalSince(lastUsedAt) >= touchInterval
    }
}
