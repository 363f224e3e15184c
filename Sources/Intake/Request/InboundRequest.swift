import Foundation
import SupportSchema
import SupportStore

/// One inbound item understood: who wrote, what, where it threads, and what they want.
///
/// Produced by the pure parsers (``InboundParser``) and consumed by ``IntakeHandler``; no database is needed
/// to build one, so every channel's quirks are unit-tested on values.
public struct InboundRequest: Sendable, Hashable {
    public var channel: SupportChannel
    public var requester: RequesterIdentityClaim
    public var replyRoute: ReplyRoute
    /// The email subject or a form's subject; nil for chat-like channels (derived from the text when needed).
    public var subject: String?
    /// The new text (quoted email history removed).
    public var body: String
    public var attachments: [MessageAttachment]
    /// Email Message-ID or telegram `chat_id:message_id`.
    public var externalMessageID: String?
    public var thread: ThreadHints
    public var intent: InboundIntent
    /// The category the requester picked (portal form), an input to classification.
    public var requestedCategory: Category?
    /// Phone: the agent who logged the call on the requester's behalf.
    public var loggedByStaffID: StaffID?

    public init(
        channel: SupportChannel, requester: RequesterIdentityClaim, replyRoute: ReplyRoute, subject: String? = nil,
        body: String, attachments: [MessageAttachment] = [], externalMessageID: String? = nil,
        thread: ThreadHints = ThreadHints(), intent: InboundIntent = .message, requestedCategory: Category? = nil,
        loggedByStaffID: StaffID? = nil
    ) {
        self.channel = channel
        self.requester = requester
        self.replyRoute = replyRoute
        self.subject = subject
        self.body = body
        self.attachments = attachments
        self.externalMessageID = externalMessageID
        self.thread = thread
        self.intent = intent
        self.requestedCategory = requestedCategory
        self.loggedByStaffID = loggedByStaffID
    }

    /// Whether there is anything to store as a message.
    public var hasContent: Bool {
        !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || !attachments.isEmpty
    }
}
