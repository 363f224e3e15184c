import Foundation
import Testing

@testable import MailMessage

/// The realistic corpus: each mailer's message parses to the text, people and threading data intake needs.
struct MailCorpusTests {
    @Test func gmailAlternativeQuotedPrintable() throws {
        let message = try MailMessage(parsing: MailCorpus.gmailAlternative)
        #expect(message.subject == "Не работает оплата")
        #expect(message.sender == MailAddress(name: "Иван Петров", address: "ivan.petrov@gmail.com"))
        #expect(message.to.map(\.address) == ["support@example.com"])
        #expect(message.messageID == "CAF=Zx8Q1w@mail.gmail.com")
        #expect(message.date == Date(timeIntervalSince1970: 1_717_398_900))  // 2024-06-03T07:15:00Z
        #expect(message.contentType.mimeType == "multipart/alternative")
        #expect(message.textBody.hasPrefix("Здравствуйте! Оплата картой не проходит, выдаёт ошибку 502.\nЗаказ №7731"))
        #expect(message.textBody.contains("сумма 1 500 ₽."))
        #expect(message.textBody.hasSuffix("Спасибо,\nИван"))
        #expect(message.htmlBody?.contains("<b>не проходит</b>") == true)
        #expect(message.attachments.isEmpty)
        #expect(message.problems.isEmpty)
        #expect(!message.isAutomatic)
    }

    @Test func outlookWindows1251Base64() throws {
        let message = try MailMessage(parsing: MailCorpus.outlookWindows1251)
        #expect(message.subject == "Не работает оплата")
        #expect(message.sender?.name == "Привет")
        #expect(message.sender?.address == "olga@corp.example.ru")
        #expect(message.textBody == "Добрый день!\nНе работает оплата (Счёт №15)")
        #expect(message.problems.isEmpty)
    }

    @Test func koi8rPlainText() throws {
        let message = try MailMessage(parsing: MailCorpus.koi8rPlain)
        #expect(message.subject == "Привет, Не работает")
        #expect(message.textBody == "Добрый день!\nНе работает оплата")
        #expect(message.date == Date(timeIntervalSince1970: 1_717_574_400))  // 12:00 +0400 = 08:00Z
        #expect(message.problems.isEmpty)
    }

    @Test func latin1QuotedPrintable() throws {
        let message = try MailMessage(parsing: MailCorpus.latin1)
        #expect(message.subject == "Résumé du problème")
        #expect(message.sender?.name == "Renée Müller")
        #expect(message.textBody == "Bonjour, le café crème coûte 3 euros. \nGrüße")
    }

    @Test func replyThreadsOntoTicket() throws {
        let message = try MailMessage(parsing: MailCorpus.replyToTicket)
        #expect(message.subject == "Re: [#1042] Не работает оплата")
        #expect(message.sender?.name == "Иван Петров")
        #expect(message.ticketTag() == 1042)
        #expect(message.inReplyTo == ["ticket-1042-3@support.example.com"])
        #expect(message.references == ["ticket-1042-1@support.example.com", "ticket-1042-3@support.example.com"])
        #expect(message.threadReferences == ["ticket-1042-3@support.example.com", "ticket-1042-1@support.example.com"])
        #expect(message.replyBody.newText == "Попробовал ещё раз, теперь всё прошло. Спасибо!")
        #expect(message.replyBody.fullText.contains("> Служба поддержки"))
        #expect(message.replyBody.hasQuote)
        #expect(message.problems.isEmpty)
    }

    @Test func mixedWithPDFAndImage() throws {
        let message = try MailMessage(parsing: MailCorpus.mixedWithAttachments)
        #expect(message.textBody == "Please see the invoice and the screenshot attached.")
        #expect(message.attachments.count == 2)
        let pdf = try #require(message.attachments.first)
        #expect(pdf.filename == "Счёт №15.pdf")  // filename* wins over name
        #expect(pdf.contentType == "application/pdf")
        #expect(pdf.size == Array("%PDF-1.4\n%\u{00E2}\u{00E3}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n".utf8).count)
        #expect(pdf.leadingBytes.starts(with: Array("%PDF".utf8)))
        #expect(!pdf.isInline)
        let image = try #require(message.attachments.last)
        #expect(image.filename == "Скриншот.png")
        #expect(image.contentType == "image/png")
        #expect(image.size == 108)
        #expect(image.contentID == "image001.png@01DAB5C8.12345670")
        #expect(image.isInline)
        #expect(message.problems.isEmpty)
    }

    @Test func nestedMixedAlternativeRelated() throws {
        let message = try MailMessage(parsing: MailCorpus.nestedMixedAlternativeRelated)
        #expect(message.textBody == "Logs are attached, see the logo inline. \nThanks — John")
        #expect(message.htmlBody?.contains("cid:logo@x") == true)
        #expect(message.attachments.map(\.contentType) == ["image/jpeg", "application/zip"])
        #expect(message.attachments[0].isInline)
        #expect(message.attachments[0].contentID == "logo@x")
        #expect(message.attachments[0].size == 64)
        #expect(message.attachments[1].filename == "logs.zip")
        #expect(message.attachments[1].size == 44)
        #expect(message.sender == MailAddress(name: "Doe, John", address: "john.doe@example.com"))
        #expect(message.to == [
            MailAddress(name: nil, address: "support@example.com"),
            MailAddress(name: "Second, Desk", address: "desk@example.com"),
        ])
        #expect(message.cc == [MailAddress(name: "The Boss", address: "boss@example.com")])
        #expect(message.problems.isEmpty)
    }

    @Test func outOfOfficeIsAutomatic() throws {
        let message = try MailMessage(parsing: MailCorpus.outOfOffice)
        #expect(message.subject == "Автоответ: Re: [#1042] Not working")
        #expect(message.automaticReason == .autoSubmitted("auto-replied"))
        #expect(message.isAutomatic)
    }

    @Test func bounceIsAutomaticDeliveryReport() throws {
        let message = try MailMessage(parsing: MailCorpus.bounce)
        #expect(message.returnPath == "")
        #expect(message.reportType == "delivery-status")
        #expect(message.automaticReason == .deliveryReport("delivery-status"))
        #expect(message.textBody.contains("550 5.1.1 User unknown"))
        #expect(message.attachments.map(\.contentType) == ["message/delivery-status", "text/rfc822-headers"])
        #expect(message.messageID == "20240611030405.ABC@mx.example.com")
        #expect(message.problems.isEmpty)
    }

    @Test func bulkNewsletterRendersHTMLOnlyBody() throws {
        let message = try MailMessage(parsing: MailCorpus.newsletter)
        #expect(message.automaticReason == .precedence("bulk"))
        #expect(message.textBody == "June deals\n\nSave 20% & more…\n\nA B")
        #expect(message.htmlBody?.hasPrefix("<!DOCTYPE html>") == true)
    }

    @Test func foldedHeadersAndSplitEncodedWords() throws {
        let message = try MailMessage(parsing: MailCorpus.foldedHeaders)
        #expect(message.subject == "Заявка: ошибка")
        #expect(message.sender == MailAddress(name: "Ivan Petrov", address: "ivan@example.com"))
        #expect(message.to.map(\.address) == ["a@example.com", "b@example.com", "c@example.com"])
        #expect(message.to.last?.name == "C, Person")
        #expect(message.headers["comments"] == "plain text continued")
        #expect(message.date == Date(timeIntervalSince1970: 1_718_262_000))
        #expect(message.contentType.charset == "utf-8")
        #expect(message.textBody == "body")
    }

    @Test func brokenBoundaryKeepsBodyAsText() throws {
        let message = try MailMessage(parsing: MailCorpus.brokenBoundary)
        #expect(message.textBody.contains("hello"))
        #expect(message.problems.contains { $0.contains("boundary never appears") })
    }

    @Test func missingBoundaryIsGuessedAndUnterminatedPartKept() throws {
        let message = try MailMessage(parsing: MailCorpus.missingBoundaryUnterminated)
        #expect(message.textBody == "first part\n\nsecond part, never closed")
        #expect(message.problems.contains { $0.contains("boundary guessed") })
        #expect(message.problems.contains { $0.contains("not terminated") })
    }

    @Test func emptyInputThrows() {
        #expect(throws: MailParseError.self) { try MailMessage(parsing: [UInt8]()) }
        do {
            _ = try MailMessage(parsing: Raw.crlf("\n\n  \n"))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .emptyInput)
        }
    }

    @Test func inputWithoutHeadersThrows() {
        do {
            _ = try MailMessage(parsing: Raw.crlf("just some text\nwithout any header\n"))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .noHeaders)
            #expect(error.description.contains("no RFC 5322 header"))
        }
    }

    @Test func oversizedInputThrows() {
        do {
            _ = try MailMessage(parsing: MailCorpus.latin1, limits: MailParseLimits(maxMessageBytes: 100))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .tooLarge)
        }
    }

    @Test func rawUTF8AndLatin1FallbackHeaders() throws {
        var bytes = Raw.crlf("From: a@example.com\nSubject: Тест ✓\nX-Legacy: ")
        bytes += CyrillicBytes.privetWindows1251 + Raw.crlf("\nContent-Type: text/plain; charset=windows-1251\n\nok")
        let message = try MailMessage(parsing: bytes)
        #expect(message.subject == "Тест ✓")
        #expect(message.headers["x-legacy"] == "Привет")  // not UTF-8: decoded with the declared charset
        #expect(message.problems.contains { $0.contains("8-bit header bytes") })
    }

    @Test func mboxFromLineAndBareLFAreAccepted() throws {
        let text = "From MAILER-DAEMON Mon Jun  3 10:00:00 2024\nFrom: a@example.com\nSubject: lf\n\nline1\nline2\n"
        let message = try MailMessage(parsing: Array(text.utf8))
        #expect(message.subject == "lf")
        #expect(message.textBody == "line1\nline2")
    }

    @Test func unknownCharsetIsRecorded() throws {
        let message = try MailMessage(
            parsing: Raw.crlf("From: a@example.com\nContent-Type: text/plain; charset=x-klingon\n\nqapla'"))
        #expect(message.textBody == "qapla'")
        #expect(message.unknownCharsets == ["x-klingon"])
        #expect(message.problems.contains { $0.contains("x-klingon") })
    }

    @Test func nestingDepthIsBounded() throws {
        var text = "From: a@example.com\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 1...40 { text += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n" }
        text += "--b40\nContent-Type: text/plain\n\ndeep\n"
        let message = try MailMessage(parsing: Raw.crlf(text), limits: MailParseLimits(maxNestingDepth: 8))
        #expect(message.problems.contains { $0.contains("nesting deeper than 8") })
        #expect(!message.textBody.contains("deep"))
    }
}
