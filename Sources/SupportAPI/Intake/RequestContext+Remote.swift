import Hummingbird

extension RequestContext {
    /// The peer address for the inbound item's metadata, or "unknown" (e.g. in router tests).
    var remoteAddressDescription: String {
        (self as? any RemoteAddressRequestContext)?.remoteAddress?.description ?? "unknown"
    }
}
