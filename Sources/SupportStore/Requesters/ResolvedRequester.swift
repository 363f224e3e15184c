import SupportSchema

/// The requester an identity belongs to, after following merges.
public struct ResolvedRequester: Sendable, Hashable {
    /// The surviving requester (never one that was merged away).
    public var id: RequesterID
    public var identityID: RequesterIdentityID
    public var displayName: String
    /// `ru` or `en`: the language replies are written in.
    public var locale: String
    /// How the requester was found.
    public var match: Match

    public enum Match: String, Sendable, Hashable {
        /// The identity (channel + external id) was known.
        case identity
        /// Matched by a verified email identity or the contract email; the identity was added to it.
        case email
        /// A new requester was created with this identity.
        case created
    }

    public init(id: RequesterID, identityID: RequesterIdentityID, displayName: String, locale: String, match: Match) {
        self.id = id
        self.identityID = identityID
        self.displayName = displayName
        self.locale = locale
        self.match = match
    }
}
