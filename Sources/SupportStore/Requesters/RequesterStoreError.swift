import SupportSchema

/// Why a requester operation was refused; the database is unchanged (the caller's transaction rolls back).
public struct RequesterStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// No requester with the id.
        public static let notFound = Code("notFound")
        /// Merging a requester into itself (directly or through earlier merges).
        public static let sameRequester = Code("sameRequester")
        /// The two requesters are the parties of one deal or dispute, which must have two different parties.
        public static let sharedDeal = Code("sharedDeal")
        /// A chain of `merged_into_id` that does not end (should not happen: merges flatten chains).
        public static let mergeCycle = Code("mergeCycle")

        public var description: String { name }
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "RequesterStoreError(\(code)): \(message)" }
}
