/// Why a Bot API payload could not be decoded; maps to a 400 response and a recorded parse failure.
///
/// The message names the failing field path but never echoes values, so it is safe to log and return.
public struct TelegramDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An extensible set of failure kinds, compared with `==`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The body is not valid UTF-8.
        public static let invalidUTF8 = Code("invalidUTF8")
        /// The body is not JSON, or not the expected shape.
        public static let malformedJSON = Code("malformedJSON")
        /// A required field is missing or null.
        public static let missingField = Code("missingField")
        /// A field has the wrong JSON type.
        public static let typeMismatch = Code("typeMismatch")

        public var description: String { name }
    }

    /// The kind of failure, for branching.
    public let code: Code
    /// A readable explanation naming the failing field path.
    public let message: String

    public init(_ code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "TelegramDecodingError(\(code)): \(message)" }
}
