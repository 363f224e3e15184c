import Foundation
import MailMessage
import SupportSchema
import SupportStore

/// Turns a raw RFC 5322 message into an ``InboundRequest``.
///
/// Auto-replies and bounces are ignored with their reason (answering them starts mail loops). The body is
/// the new text of a reply (the quoted history is already on the ticket), or the whole text when nothing
/// is quoted. Threading comes from In-Reply-To/References and a `[#N]` tag in the subject.
///
/// ```swift
/// let result = try MailRequestParser().parse(rawBytes)
/// ```
public struct MailRequestParser: Sendable {
    /// The subject tag pattern outgoing mail uses (default `[#N]`).
    public var tagFormat: TicketTagFormat
    public var limits: MailParseLimits

    public init(tagFormat: TicketTagFormat = .default, limits: MailParseLimits = MailParseLimits()) {
        self.tagFormat = tagFormat
        self.limits = limits
    }

    public func parse(_ raw: [UInt8]) throws(InboundParseError) -> InboundParseResult {
        let mail: MailMessage
        do {
            mail = try MailMessage(parsing: raw, limits: limits)
        } catch {
            let detail = error.message
            throw InboundParseError(.malformed, "not an email message: \(detail)")
        }
        if let reason = mail.automaticReason {
            return .ignore(reason: "automatic email (\(reason))")
        }
        guard let sender = mail.sender, sender.address.contains("@"), !sender.address.hasPrefix("@") else {
            throw InboundParseError(.missingField, "From: no sender address")
        }
        let name = sender.name.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let claim = RequesterIdentityClaim(
            channel: .email, externalID: sender.address, display: sender.description,
            displayName: name ?? sender.address, email: sender.address)
        let replyTo = mail.replyTo.first(where: { $0.address.contains("@") })?.address ?? sender.address
        let reply = mail.replyBody
        let body = reply.newText.isEmpty ? reply.fullText.trimmingCharacters(in: .whitespacesAndNewlines) : reply.newText
        let attachments = mail.attachments.enumerated().map { index, part in
            MessageAttachment(
                name: part.filename, contentType: part.contentType, size: part.size, ref: "mime-part:\(index)",
                kind: part.isInline ? "inline" : "attachment", uniqueRef: part.contentID)
        }
        let subject = mail.subject?.trimmingCharacters(in: .whitespacesAndNewlines)
        return .request(
            InboundRequest(
                channel: .email, requester: claim, replyRoute: .email(replyTo),
                subject: subject.flatMap { $0.isEmpty ? nil : $0 }, body: body, attachments: attachments,
                externalMessageID: mail.messageID,
                thread: ThreadHints(ticketNumber: mail.ticketTag(format: tagFormat), references: mail.threadReferences)
            ))
    }
}
