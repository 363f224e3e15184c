/// Bounds that keep parsing of hostile input cheap: size, MIME nesting depth and part count.
///
/// ```swift
/// var limits = MailParseLimits()
/// limits.maxMessageBytes = 20 << 20
/// let message = try MailMessage(parsing: bytes, limits: limits)
/// ```
public struct MailParseLimits: Sendable, Hashable {
    /// Larger inputs are rejected with ``MailParseError/Code/tooLarge``.
    public var maxMessageBytes: Int
    /// Multiparts nested deeper than this are not descended into (a problem is recorded).
    public var maxNestingDepth: Int
    /// Parts beyond this count are ignored (a problem is recorded).
    public var maxParts: Int
    /// Header fields beyond this count in one header section are ignored.
    public var maxHeaderFields: Int

    public init(
        maxMessageBytes: Int = 64 << 20, maxNestingDepth: Int = 16, maxParts: Int = 1000, maxHeaderFields: Int = 2000
    ) {
        self.maxMessageBytes = maxMessageBytes
        self.maxNestingDepth = maxNestingDepth
        self.maxParts = maxParts
        self.maxHeaderFields = maxHeaderFields
    }
}
