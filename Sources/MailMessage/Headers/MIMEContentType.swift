/// A parsed `Content-Type`: media type, subtype and parameters.
///
/// Invalid or missing values fall back to `text/plain; charset=us-ascii` (RFC 2045 §5.2) so that a broken
/// header never stops the parser.
///
/// ```swift
/// let type = MIMEContentType(parsing: "multipart/alternative; boundary=\"b1\"")
/// type.isMultipart      // true
/// type.boundary         // "b1"
/// ```
public struct MIMEContentType: Sendable, Hashable, CustomStringConvertible {
    /// Lower-cased top-level type, e.g. `text`.
    public let type: String
    /// Lower-cased subtype, e.g. `plain`.
    public let subtype: String
    /// Parameters with lower-cased names; RFC 2231 continuations already joined and decoded.
    public let parameters: [String: String]

    public init(type: String, subtype: String, parameters: [String: String] = [:]) {
        self.type = type.lowercased()
        self.subtype = subtype.lowercased()
        self.parameters = parameters
    }

    /// The RFC 2045 default for parts without a Content-Type.
    public static let defaultText = MIMEContentType(type: "text", subtype: "plain", parameters: ["charset": "us-ascii"])

    /// The default for parts of `multipart/digest`.
    public static let messageRFC822 = MIMEContentType(type: "message", subtype: "rfc822")

    /// Parses a header value; `nil` when it has no recognisable `type/subtype`.
    public init?(parsing header: String) {
        var unknown: [String] = []
        self.init(parsing: header, unknownCharsets: &unknown)
    }

    init?(parsing header: String, unknownCharsets: inout [String]) {
        let parsed = HeaderParameters.parse(header, unknownCharsets: &unknownCharsets)
        let pieces = parsed.value.lowercased().split(separator: "/", maxSplits: 1)
        guard pieces.count == 2 else { return nil }
        let type = pieces[0].trimmingASCIIWhitespace()
        let subtype = pieces[1].trimmingASCIIWhitespace()
        let isToken: (String) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != 0x2F } }
        guard isToken(type), isToken(subtype) else { return nil }
        self.init(type: type, subtype: subtype, parameters: parsed.parameters)
    }

    /// `type/subtype`, e.g. `application/pdf`.
    public var mimeType: String { "\(type)/\(subtype)" }
    public var description: String { mimeType }

    /// Whether the body is split into parts by ``boundary``.
    public var isMultipart: Bool { type == "multipart" }
    public var isText: Bool { type == "text" }
    /// The declared charset label as written; resolve it with ``MailCharset/init(name:)``.
    public var charset: String? { parameters["charset"] }
    /// The multipart delimiter, without the leading `--`.
    public var boundary: String? { parameters["boundary"] }
    /// The legacy `name` parameter, which many mailers use instead of a disposition filename.
    public var name: String? { parameters["name"] }
}
