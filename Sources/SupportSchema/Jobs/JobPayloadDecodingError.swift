/// A payload that this build cannot read.
///
/// Shaped like postgres-nio's `PSQLError`: a struct with an extensible ``Code``. The description
/// names the job kind and versions only, never payload contents.
public struct JobPayloadDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Written by a newer build than this one.
        public static let unsupportedSchemaVersion = Code(rawValue: "unsupported_schema_version")
        /// Zero or negative version.
        public static let invalidSchemaVersion = Code(rawValue: "invalid_schema_version")
        /// Not valid JSON, or fields missing or of the wrong type.
        public static let malformed = Code(rawValue: "malformed")
    }

    public let code: Code
    /// The payload's job kind, e.g. `"sla"`.
    public let kind: String
    /// The version found in the payload, when there was one.
    public let foundVersion: Int?
    /// The newest version this build reads.
    public let supportedVersion: Int
    /// A short, content-free explanation (for `malformed`: the failing field path).
    public let detail: String?

    public init(code: Code, kind: String, foundVersion: Int?, supportedVersion: Int, detail: String? = nil) {
        self.code = code
        self.kind = kind
        self.foundVersion = foundVersion
        self.supportedVersion = supportedVersion
        self.detail = detail
    }

    public var description: String {
        switch code {
        case .unsupportedSchemaVersion:
            "\(kind) job payload has schema_version \(foundVersion.map(String.init) ?? "?"), newer than the "
                + "\(supportedVersion) this build reads: upgrade this worker"
        case .invalidSchemaVersion:
            "\(kind) job payload has invalid schema_version \(foundVersion.map(String.init) ?? "?")"
        default:
            "\(kind) job payload is \(code)" + (detail.map { ": \($0)" } ?? "")
        }
    }
}
