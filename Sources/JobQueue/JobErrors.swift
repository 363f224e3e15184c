/// An error a handler throws when retrying cannot help; the job goes straight to `job_dead`.
public protocol JobPermanentError: Error {}

/// The payload could not be decoded: the job is discarded to `job_dead` without retries.
public struct JobPayloadError: JobPermanentError, CustomStringConvertible {
    public var kind: String
    public var message: String

    public init(kind: String, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "undecodable payload for job kind \(kind): \(message)" }
}

/// Errors from the queue itself, shaped like `PSQLError`: a code plus a message free of secrets.
public struct JobQueueError: Error, CustomStringConvertible, Sendable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String { case notFound, invalidState, duplicateUniqueKey, invalidArgument }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// No job with that id.
        public static let notFound = Code(.notFound)
        /// The job is in a state that does not allow the operation (e.g. cancelling a running job).
        public static let invalidState = Code(.invalidState)
        /// A live job already holds the unique key.
        public static let duplicateUniqueKey = Code(.duplicateUniqueKey)
        /// An argument is out of range.
        public static let invalidArgument = Code(.invalidArgument)

        public var description: String { base.rawValue }
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

/// Thrown by a handler to run the job again after `delay` without spending an attempt or recording an
/// error: the work is fine but must wait (a provider's rate limit, quiet hours).
public struct JobSnooze: Error, CustomStringConvertible, Sendable {
    public var delay: Duration
    public var reason: String

    public init(for delay: Duration, reason: String) {
        self.delay = delay
        self.reason = reason
    }

    public var description: String { "snoozed for \(delay): \(reason)" }
}

/// A handler ran past ``JobWorkerConfiguration/handlerTimeout`` and was cancelled; the job is retried.
public struct JobHandlerTimeout: Error, CustomStringConvertible {
    public let limit: Duration
    public var description: String { "the handler did not finish within \(limit) and was cancelled" }
}
