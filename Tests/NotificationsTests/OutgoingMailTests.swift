import Foundation
import MailMessage
import Testing

struct OutgoingMailTests {
    let mail = OutgoingMail(
        from: "Support <support@desk.example>", to: "ivan@example.com", subject: "[#1042] Выплата", text: "Здравствуйте!\n\n.Точка в начале",
        messageID: "<n-1@desk.example>", inReplyTo: "<m1@example.com>", autoSubmitted: "auto-replied")

    @Test func headersThreadAndStopLoops() throws {
        let wire = mail.rendered(date: Date(timeIntervalSince1970: 1_795_417_200), boundary: "B")
        let (head, _) = try #require(wire.range(of: "\r\n\r\n").map { (wire[..<$0.lowerBound], wire[$0.upperBound...]) })
        let headers = head.components(separatedBy: "\r\n")
        #expect(headers.contains("Subject: =?UTF-8?B?\(Data("[#1042] Выплата".utf8).base64EncodedString())?="))
        #expect(headers.contains("Date: Mon, 23 Nov 2026 07:00:00 +0000"))
        #expect(headers.contains("In-Reply-To: <m1@example.com>") && headers.contains("References: <m1@example.com>"))
        #expect(headers.contains("Auto-Submitted: auto-replied"))
        #expect(headers.contains("Content-Type: multipart/alternative; boundary=\"B\""))
    }

    @Test func bodyRoundTripsThroughTheParser() throws {
        let wire = mail.rendered(date: Date(), boundary: "B")
        let parsed = try MailMessage(parsing: Array(wire.utf8))
        #expect(parsed.subject == "[#1042] Выплата")
        #expect(parsed.textBody.contains(".Точка в начале"))
        #expect(parsed.messageID == "n-1@desk.example")
    }

    @Test func asciiSubjectsStayReadable() {
        var plain = mail
        plain.subject = "[#7] Payout"
        #expect(plain.rendered(date: Date()).contains("\r\nSubject: [#7] Payout\r\n"))
    }
}
