import Testing

@testable import MailMessage

/// Loop protection, ticket tags and reply extraction.
struct ClassificationTests {
    private func message(_ headers: String, body: String = "hi") throws -> MailMessage {
        try MailMessage(parsing: Raw.crlf(headers + "\n\n" + body))
    }

    @Test func automaticReasons() throws {
        #expect(try message("From: a@x.io\nAuto-Submitted: auto-generated; owner-email=\"a@x.io\"").automaticReason
            == .autoSubmitted("auto-generated"))
        #expect(try message("From: a@x.io\nAuto-Submitted: no").automaticReason == nil)
        #expect(try message("From: a@x.io\nPrecedence: JUNK").automaticReason == .precedence("junk"))
        #expect(try message("From: a@x.io\nPrecedence: list").automaticReason == .precedence("list"))
        #expect(try message("From: a@x.io\nX-Autoreply: yes").automaticReason == .autoreplyHeader("x-autoreply"))
        #expect(try message("From: a@x.io\nX-Autorespond: 1").automaticReason == .autoreplyHeader("x-autorespond"))
        #expect(try message("From: postmaster@x.io").automaticReason == .systemSender("postmaster@x.io"))
        #expect(try message("From: MAILER-DAEMON").automaticReason == .systemSender("mailer-daemon"))
        #expect(try message("From: a@x.io\nReturn-Path: <>").automaticReason == .nullReturnPath)
        #expect(try message("From: a@x.io\nReturn-Path: <a@x.io>\nPrecedence: first-class").automaticReason == nil)
        #expect(try message("From: a@x.io\nContent-Type: multipart/report; report-type=disposition-notification; boundary=b",
                            body: "--b\nContent-Type: text/plain\n\nread\n--b--").automaticReason
            == .deliveryReport("disposition-notification"))
    }

    @Test(arguments: [
        ("Re: [#1042] Не работает оплата", Int64(1042)), ("[#7]", 7), ("Fwd: RE: [#12] x [#13]", 12),
        ("no tag", nil), ("[#] empty", nil), ("[# 12]", nil), ("[#12", nil), ("#1042", nil),
    ] as [(String, Int64?)])
    func defaultTicketTag(subject: String, expected: Int64?) {
        #expect(MailMessage.ticketTag(in: subject) == expected)
    }

    @Test func customTicketTagFormat() {
        let format = TicketTagFormat("[Support #N]")
        #expect(MailMessage.ticketTag(in: "Re: [support #1042] Refund", format: format) == 1042)
        #expect(MailMessage.ticketTag(in: "Re: [#1042] Refund", format: format) == nil)
        #expect(format.tag(for: 5) == "[Support #5]")
        #expect(TicketTagFormat("Ticket-N:").firstNumber(in: "about Ticket-99: hi") == 99)
    }

    @Test func replyBodyEnglishGmail() {
        let reply = ReplyBody(text: """
            Thanks, it works now.

            On Mon, Jun 3, 2024 at 10:00 AM Support Team <
            support@example.com> wrote:

            > Please try again.
            > Regards
            """)
        #expect(reply.newText == "Thanks, it works now.")
        #expect(reply.hasQuote)
    }

    @Test func replyBodyRussianClients() {
        let thunderbird = ReplyBody(text: "Спасибо!\n\n03.06.2024 10:00, Поддержка пишет:\n> Здравствуйте")
        #expect(thunderbird.newText == "Спасибо!")
        let apple = ReplyBody(text: "Ок\n\n3 июня 2024 г., в 10:00, Поддержка <s@x.ru> написал(а):\n\n> текст")
        #expect(apple.newText == "Ок")
    }

    @Test func replyBodyOutlookSeparators() {
        let original = ReplyBody(text: "New text\r\n\r\n-----Original Message-----\r\nFrom: a\r\nold")
        #expect(original.newText == "New text")
        let underscores = ReplyBody(text: "Ответ\n\n________________________________\nОт: Поддержка\nОтправлено: 3 июня\nold")
        #expect(underscores.newText == "Ответ")
        let header = ReplyBody(text: "See below\n\nFrom: Support <s@x.io>\nSent: Monday\nTo: me\nold text")
        #expect(header.newText == "See below")
    }

    @Test func inlineQuotesAreDroppedButAnswersKept() {
        let reply = ReplyBody(text: "> question one?\nanswer one\n> question two?\nanswer two")
        #expect(reply.newText == "answer one\nanswer two")
        let plain = ReplyBody(text: "No quote here.\nFrom: me, with love")
        #expect(plain.newText == "No quote here.\nFrom: me, with love")
        #expect(!plain.hasQuote)
    }
}
