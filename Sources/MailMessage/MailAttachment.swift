/// What is known about an attachment: enough to store, list and sniff it, but not its bytes.
///
/// The parsed message keeps attachments as metadata only so that a 20 MB mail does not stay in memory as a
/// value; the raw message is stored separately and can be re-parsed if the content is ever needed.
public struct MailAttachment: Sendable, Hashable {
    /// The decoded file name (`filename`, `filename*` or the legacy `name` parameter), if any.
    public let filename: String?
    /// `type/subtype`, lower-cased, e.g. `application/pdf`.
    public let contentType: String
    /// Size in bytes after transfer decoding.
    public let size: Int
    /// The `Content-ID` without angle brackets, used by HTML bodies (`cid:`) in multipart/related.
    public let contentID: String?
    /// Whether the part was marked (or implied, inside multipart/related) as inline rather than attachment.
    public let isInline: Bool
    /// Up to the first 16 decoded bytes, for magic-number sniffing (`%PDF`, PNG, JPEG).
    public let leadingBytes: [UInt8]

    public init(
        filename: String?, contentType: String, size: Int, contentID: String?, isInline: Bool, leadingBytes: [UInt8]
    ) {
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.contentID = contentID
        self.isInline = isInline
        self.leadingBytes = leadingBytes
    }
}
