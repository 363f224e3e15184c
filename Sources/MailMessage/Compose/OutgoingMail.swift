public import Foundation

/// A mail the desk sends: plain text and HTML alternatives, headers that thread replies and stop
/// auto-reply loops, rendered as RFC 5322 with CRLF line ends.
///
/// ```swift
/// let mail = OutgoingMail(from: "support@desk.example", to: "ivan@example.com",
///                         subject: "[#1042] Payout", text: "We are on it.", messageID: "<n-17@desk.example>")
/// let wire = mail.rendered(date: Date())   // DATA for SMTP
/// ```
public struct OutgoingMail: Sendable, Hashable {
    public var from: String
    public var to: String
    public var subject: String
    public var text: String
    /// The HTML part; nil renders the text as escaped HTML paragraphs.
    public var html: String?
    /// `<id@domain>`: recorded so the requester's answer threads onto the ticket.
    public var messageID: String
    public var inReplyTo: String?
    /// RFC 3834: `auto-replied` for acknowledgements, nil for replies a person wrote.
    public var autoSubmitted: String?

    public init(
        from: String, to: String, subject: String, text: String, html: String? = nil, messageID: String,
        inReplyTo: String? = nil, autoSubmitted: String? = nil
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.autoSubmitted = autoSubmitted
    }

    /// The whole message, headers and body, lines ending in CRLF.
    public func rendered(date: Date, boundary: String = "=_support_\(UUID().uuidString)") -> String {
        var headers = [
            "From: \(from)", "To: \(to)", "Subject: \(Self.encodedWord(subject))", "Date: \(Self.rfc5322(date))",
            "Message-ID: \(messageID)", "MIME-Version: 1.0",
        ]
        if let inReplyTo { headers += ["In-Reply-To: \(inReplyTo)", "References: \(inReplyTo)"] }
        if let autoSubmitted { headers.append("Auto-Submitted: \(autoSubmitted)") }
        headers.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        let parts = [
            ("text/plain; charset=utf-8", text),
            ("text/html; charset=utf-8", html ?? Self.html(from: text)),
        ].map { type, body in
            "--\(boundary)\r\nContent-Type: \(type)\r\nContent-Transfer-Encoding: base64\r\n\r\n\(Self.base64Lines(body))\r\n"
        }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + parts.joined() + "--\(boundary)--\r\n"
    }

    /// RFC 2047 B-encoding when the text is not plain ASCII.
    static func encodedWord(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII || $0.value < 0x20 }) else { return text }
        return "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    static func base64Lines(_ text: String) -> String {
        Data(text.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    static func html(from text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        return "<html><body>" + escaped.components(separatedBy: "\n\n").map { "<p>" + $0.replacingOccurrences(of: "\n", with: "<br>") + "</p>" }.joined() + "</body></html>"
    }

    /// `Mon, 23 Nov 2026 01:30:00 +0000`.
    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
