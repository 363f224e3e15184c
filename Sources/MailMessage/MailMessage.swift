public import Foundation

/// One parsed RFC 5322 / MIME message, as the email channel needs it: who, threading ids, readable text,
/// attachment metadata, and what was wrong with it.
///
/// Parsing is pure and total: any byte sequence either yields a best-effort value (with ``problems`` listing
/// the damage) or, when there is nothing usable at all, throws ``MailParseError``. It never traps, recursion is
/// bounded by ``MailParseLimits``, and attachment bytes are not kept.
///
/// ```swift
/// let message = try MailMessage(parsing: rawBytes)
/// if let reason = message.automaticReason { return .ignored(reason) }   // no tickets for bounces
/// let ticket = MailMessage.ticketTag(in: message.subject ?? "")         // "[#1042]" → 1042
/// let newText = message.replyBody.newText
/// ```
public struct MailMessage: Sendable, Hashable {
    /// All header fields of the top-level entity, in order.
    public let headers: MailHeaders
    /// `From` mailboxes (usually one).
    public let from: [MailAddress]
    /// `To` mailboxes, all occurrences of the header combined.
    public let to: [MailAddress]
    /// `Cc` mailboxes; with `to`, tells whether support was only copied.
    public let cc: [MailAddress]
    /// `Reply-To` mailboxes; where answers should go when set.
    public let replyTo: [MailAddress]
    /// The `Return-Path` address, lower-cased; `""` for the null reverse path `<>` used by bounces.
    public let returnPath: String?
    /// The decoded `Subject`.
    public let subject: String?
    /// The `Date` header, or `nil` when missing or unparsable.
    public let date: Date?
    /// The `Message-ID` without angle brackets.
    public let messageID: String?
    /// `In-Reply-To` ids without angle brackets.
    public let inReplyTo: [String]
    /// `References` ids without angle brackets, oldest first.
    public let references: [String]
    /// The top-level content type.
    public let contentType: MIMEContentType
    /// Readable text of the message: inline text parts joined, `text/plain` preferred, HTML rendered to text
    /// when it is the only body.
    public let textBody: String
    /// The HTML body when there is one.
    public let htmlBody: String?
    /// Attachments and inline non-text parts, as metadata.
    public let attachments: [MailAttachment]
    /// The `report-type` of a top-level or nested `multipart/report` (e.g. `delivery-status`), if any.
    public let reportType: String?
    /// Charset names the parser did not know and had to guess (decoded as UTF-8, or Latin-1 if invalid).
    public let unknownCharsets: [String]
    /// Human-readable notes on recoverable damage; empty for a well-formed message.
    public let problems: [String]
    /// Size of the raw input in bytes.
    public let byteCount: Int

    /// Parses raw message bytes (as received from the MTA or the HTTP body).
    ///
    /// - Parameters:
    ///   - bytes: The message; CRLF and bare LF line endings are both accepted.
    ///   - limits: Size and structure bounds.
    /// - Throws: ``MailParseError`` only for empty input, input without any header, or input over the size limit.
    public init(parsing bytes: [UInt8], limits: MailParseLimits = MailParseLimits()) throws(MailParseError) {
        self = try MessageParser(bytes: bytes, limits: limits).parse()
    }

    /// Parses raw message bytes held in `Data`.
    public init(parsing data: Data, limits: MailParseLimits = MailParseLimits()) throws(MailParseError) {
        try self.init(parsing: [UInt8](data), limits: limits)
    }

    /// Memberwise initializer used by the parser.
    init(
        headers: MailHeaders, from: [MailAddress], to: [MailAddress], cc: [MailAddress], replyTo: [MailAddress],
        returnPath: String?, subject: String?, date: Date?, messageID: String?, inReplyTo: [String],
        references: [String], contentType: MIMEContentType, textBody: String, htmlBody: String?,
        attachments: [MailAttachment], reportType: String?, unknownCharsets: [String], problems: [String],
        byteCount: Int
    ) {
        self.headers = headers
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.returnPath = returnPath
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.contentType = contentType
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.attachments = attachments
        self.reportType = reportType
        self.unknownCharsets = unknownCharsets
        self.problems = problems
        self.byteCount = byteCount
    }

    /// The first `From` mailbox: the requester identity for intake.
    public var sender: MailAddress? { from.first }
}
