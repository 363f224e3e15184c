public import Hummingbird
public import NIOCore
public import SupportDomain

/// The API's request context: Hummingbird's core storage plus who the bearer token says is asking.
///
/// ``BearerAuthenticator`` fills ``principal``; handlers read it through ``Authorizer``.
public struct APIRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``BearerAuthenticator`` when a valid token was presented.
    public var principal: Principal?
    /// The `auth_token.id` behind ``principal`` (logout revokes it).
    public var tokenID: Int64?
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }
}
