import SupportSchema

/// An identity staff attach to a requester explicitly (e.g. "this email is that telegram user").
public struct NewRequesterIdentity: Sendable, Hashable {
    public var channel: SupportChannel
    public var externalID: String
    public var display: String?
    /// A verified email identity also matches the same address written from other channels (web form, API).
    public var verified: Bool

    public init(channel: SupportChannel, externalID: String, display: String? = nil, verified: Bool = false) {
        self.channel = channel
        self.externalID = channel == .email ? externalID.lowercased() : externalID
        self.display = display
        self.verified = verified
    }
}
