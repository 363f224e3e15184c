/// Largest request bodies the intake endpoints accept; anything bigger is refused with 413 before
/// it is read into memory.
public struct InboundLimits: Sendable, Equatable {
    /// Telegram updates are small JSON documents; photos and files come as ids.
    public var telegramBytes: Int = 1 << 20
    /// Whole MIME messages with attachments.
    public var emailBytes: Int = 25 << 20
    /// A portal form or guest request: text only.
    public var webBytes: Int = 256 << 10

    public init() {}
}
