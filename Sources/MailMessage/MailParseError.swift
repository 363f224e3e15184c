/// Thrown by ``MailMessage/init(parsing:limits:)`` only when there is nothing usable to parse.
///
/// Recoverable damage (a broken boundary, a bad charset, junk headers) is reported in
/// ``MailMessage/problems`` instead. The ``description`` never contains message content, so it is safe to log.
public struct MailParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong; an extensible set of codes, compared with `==`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The input was empty or only whitespace.
        public static let emptyInput = Code("emptyInput")
        /// The input has no RFC 5322 header section.
        public static let noHeaders = Code("noHeaders")
        /// The input is larger than ``MailParseLimits/maxMessageBytes``.
        public static let tooLarge = Code("tooLarge")

        public var description: String { name }
    }

    /// The kind of failure, for branching.
    public let code: Code
    /// A human-readable explanation without message content.
    public let message: String

    public init(_ code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "MailParseError(\(code)): \(message)" }
}
