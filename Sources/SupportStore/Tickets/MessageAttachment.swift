import SupportSchema

/// One entry of `message.attachments`: what is known about a file without holding its bytes.
///
/// Telegram keeps its files (`ref` is the `file_id` to fetch with `getFile`); mail parts stay inside the
/// raw item (`ref` is `mime-part:<n>`, re-parse `inbound_item.raw` to get the bytes).
public struct MessageAttachment: Sendable, Hashable {
    public var name: String?
    public var contentType: String?
    public var size: Int?
    /// Where to get the bytes: a telegram `file_id` or `mime-part:<n>` of the raw inbound item.
    public var ref: String
    /// `photo`, `document`, `attachment` or `inline`.
    public var kind: String
    /// Telegram's stable file id, for de-duplicating the same file sent twice.
    public var uniqueRef: String?

    public init(name: String?, contentType: String?, size: Int?, ref: String, kind: String, uniqueRef: String? = nil) {
        self.name = name
        self.contentType = contentType
        self.size = size
        self.ref = ref
        self.kind = kind
        self.uniqueRef = uniqueRef
    }

    /// The jsonb form: `{"name", "content_type", "size", "ref", "kind", "unique_ref"}`.
    public var json: StoredJSON {
        .object([
            "name": .optional(name),
            "content_type": .optional(contentType),
            "size": size.map { .int(Int64($0)) } ?? .null,
            "ref": .string(ref),
            "kind": .string(kind),
            "unique_ref": .optional(uniqueRef),
        ])
    }
}
