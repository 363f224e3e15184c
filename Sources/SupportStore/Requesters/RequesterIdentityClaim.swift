import SupportSchema

/// Who an inbound item says it is from: one channel address, plus what helps match or create a requester.
///
/// ```swift
/// RequesterIdentityClaim(channel: .telegram, externalID: "123456789", display: "@ann", displayName: "Ann Lee")
/// RequesterIdentityClaim(channel: .email, externalID: "ann@example.com", displayName: "Ann", email: "ann@example.com")
/// ```
public struct RequesterIdentityClaim: Sendable, Hashable {
    public var channel: SupportChannel
    /// The channel's id: telegram user id, lower-case email address, phone number, another service's user id.
    public var externalID: String
    /// Human-friendly form kept on the identity, e.g. `@username` or `Name <mail>`.
    public var display: String?
    /// The name for a new requester.
    public var displayName: String
    /// An email address the item carries (lower case), matched against verified email identities and
    /// contract emails when the identity itself is unknown.
    public var email: String?
    /// `ru` or `en` for a new requester; nil keeps the default (`ru`).
    public var locale: String?

    public init(
        channel: SupportChannel, externalID: String, display: String? = nil, displayName: String,
        email: String? = nil, locale: String? = nil
    ) {
        self.channel = channel
        self.externalID = channel == .email ? externalID.lowercased() : externalID
        self.display = display
        self.displayName = displayName
        self.email = email?.lowercased()
        self.locale = locale
    }
}
