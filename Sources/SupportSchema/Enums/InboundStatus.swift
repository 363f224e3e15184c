/// What the intake worker made of a raw inbound item (`inbound_item.status`).
public enum InboundStatus: String, SchemaEnum {
    /// Stored by the API; an `intake` job is queued.
    case received
    /// Parsed and turned into a message on a ticket.
    case processed
    /// Could not be parsed; `error` says why and the raw bytes are kept for inspection.
    case failed
    /// Deliberately dropped: auto-replies, bounces, unsupported update kinds.
    case ignored
}
