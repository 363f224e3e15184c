import Foundation
import MailMessage

/// Email through the SMTP relay: plain + HTML, a `[#N]` ticket tag in the subject so replies thread,
/// `Auto-Submitted` on automatic messages so auto-responders stay quiet.
struct MailSender: Sendable {
    let configuration: NotificationsConfiguration
    /// Templates a person did not write (RFC 3834 `auto-replied`).
    static let automatic: Set<String> = ["ack", "status", "welcome", "rated", "rate_invalid", "sla_warning", "sla_breach"]

    func send(_ notification: NotificationRow) async -> DeliveryOutcome {
        guard let host = configuration.smtpHost else { return .undeliverable("SMTP_HOST is not set") }
        guard let to = notification.address, to.contains("@") else {
            return .undeliverable("address: not a mail address: \(notification.address ?? "none")")
        }
        let mail = Self.compose(notification, configuration: configuration)
        let client = SMTPClient(host: host, port: configuration.smtpPort, heloName: configuration.mailDomain, timeout: configuration.timeout)
        do {
            _ = try await client.send(from: configuration.mailFromAddress, to: to, message: mail.rendered(date: Date()))
            return .sent(providerID: mail.messageID)
        } catch let error as SMTPError {
            return error.isPermanent ? .undeliverable(error.description) : .retry(error.description)
        } catch {
            return .retry("smtp: \(error)")
        }
    }

    static func compose(_ notification: NotificationRow, configuration: NotificationsConfiguration) -> OutgoingMail {
        var subject = notification.payload["subject"] ?? "Support"
        if let number = notification.ticketNumber, !subject.contains("[#\(number)]") { subject = "[#\(number)] " + subject }
        return OutgoingMail(
            from: configuration.mailFrom, to: notification.address ?? "", subject: subject, text: notification.text,
            messageID: "<notification-\(notification.id)@\(configuration.mailDomain)>",
            inReplyTo: notification.payload["in_reply_to"],
            autoSubmitted: automatic.contains(notification.template) ? "auto-replied" : nil)
    }
}
