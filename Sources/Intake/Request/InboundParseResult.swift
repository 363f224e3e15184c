/// What parsing made of a raw item: a request to act on, or a deliberate no-op.
public enum InboundParseResult: Sendable, Hashable {
    case request(InboundRequest)
    /// Auto-replies, bounces, unsupported update kinds, bot senders: nothing is created and nothing is sent
    /// (answering them is how loops start). The reason is stored on the item.
    case ignore(reason: String)
}
