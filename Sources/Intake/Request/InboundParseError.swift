/// Why a raw item could not be understood; stored as the item's `error` (status `failed`), and the job
/// completes: retrying bad input cannot help. The message names the field but never echoes content.
public struct InboundParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// Not the channel's format at all (bad JSON, invalid UTF-8, no mail headers).
        public static let malformed = Code("malformed")
        /// A required field is missing or blank.
        public static let missingField = Code("missingField")
        /// A field has a wrong type or value.
        public static let invalidField = Code("invalidField")
        /// The item names something that does not exist (e.g. an unknown staff id).
        public static let unknownReference = Code("unknownReference")

        public var description: String { name }
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
