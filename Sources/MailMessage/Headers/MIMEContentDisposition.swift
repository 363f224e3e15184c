/// A parsed `Content-Disposition`, which tells an attachment from inline content and carries its file name.
public struct MIMEContentDisposition: Sendable, Hashable {
    /// Lower-cased disposition type: usually `inline` or `attachment`.
    public let kind: String
    /// Parameters with lower-cased names; RFC 2231 `filename*` already decoded.
    public let parameters: [String: String]

    public init(kind: String, parameters: [String: String] = [:]) {
        self.kind = kind.lowercased()
        self.parameters = parameters
    }

    /// Parses a header value; `nil` when the disposition type is empty.
    public init?(parsing header: String) {
        var unknown: [String] = []
        self.init(parsing: header, unknownCharsets: &unknown)
    }

    init?(parsing header: String, unknownCharsets: inout [String]) {
        let parsed = HeaderParameters.parse(header, unknownCharsets: &unknownCharsets)
        let kind = parsed.value.trimmingASCIIWhitespace()
        guard !kind.isEmpty else { return nil }
        self.init(kind: kind, parameters: parsed.parameters)
    }

    public var isAttachment: Bool { kind == "attachment" }
    public var isInline: Bool { kind == "inline" }
    /// The decoded file name, `nil` when absent or empty.
    public var filename: String? { parameters["filename"].flatMap { $0.isEmpty ? nil : $0 } }
}
