import Foundation

/// RFC 5322 messages for the email channel, built per test.
enum Mails {
    static func message(
        from: String = "Ann Lee <Ann@Example.com>", subject: String, messageID: String, inReplyTo: String? = nil,
        references: String? = nil, body: String, headers: [String] = []
    ) -> [UInt8] {
        var lines = [
            "From: \(from)", "To: support@desk.example", "Subject: \(subject)", "Message-ID: <\(messageID)>",
            "Date: Tue, 4 Jun 2024 09:01:12 +0000", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        if let inReplyTo { lines.append("In-Reply-To: <\(inReplyTo)>") }
        if let references { lines.append("References: \(references)") }
        lines += headers
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n")).utf8)
    }

    static func autoReply(to original: String) -> [UInt8] {
        message(
            subject: "Automatic reply: [#1001] Payout", messageID: "auto-\(original)", inReplyTo: original,
            body: "I am out of office until Monday.", headers: ["Auto-Submitted: auto-replied"])
    }

    static func bounce() -> [UInt8] {
        let text = """
            From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
            To: support@desk.example
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <bounce-1@mx.example.com>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

            --b1
            Content-Type: text/plain

            This is the mail system. Your message could not be delivered.
            --b1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.com
            Final-Recipient: rfc822; nobody@example.com
            Action: failed
            Status: 5.1.1
            --b1--
            """
        return Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    /// `text` encoded as windows-1251 bytes (Cyrillic letters and ASCII only).
    static func windows1251(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar -> UInt8 in
            switch scalar.value {
            case 0..<0x80: UInt8(scalar.value)
            case 0x410...0x44F: UInt8(scalar.value - 0x410 + 0xC0)
            case 0x401: 0xA8
            case 0x451: 0xB8
            default: 0x3F
            }
        }
    }

    /// An RFC 2047 B-encoded word in windows-1251.
    static func encodedWord1251(_ text: String) -> String {
        "=?windows-1251?B?\(Data(windows1251(text)).base64EncodedString())?="
    }
}
