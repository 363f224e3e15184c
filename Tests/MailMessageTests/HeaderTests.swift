import Foundation
import Testing

@testable import MailMessage

/// Addresses, structured parameters, dates and ids.
struct HeaderTests {
    @Test func addressForms() {
        let list = MailAddress.parseList(
            #""Petrov, Ivan" <Ivan@Example.RU>, anna@example.com (Anna K), <bare@x.org>, Team: a@t.io, b@t.io;, junk words"#)
        #expect(list == [
            MailAddress(name: "Petrov, Ivan", address: "ivan@example.ru"),
            MailAddress(name: "Anna K", address: "anna@example.com"),
            MailAddress(name: nil, address: "bare@x.org"),
            MailAddress(name: nil, address: "a@t.io"),
            MailAddress(name: nil, address: "b@t.io"),
        ])
    }

    @Test func addressWithEncodedNameAndEscapes() {
        let list = MailAddress.parseList(#"=?UTF-8?B?0JjQstCw0L0=?= <i@x.ru>, "say \"hi\"" <h@x.ru>"#)
        #expect(list.map(\.name) == ["Иван", #"say "hi""#])
        #expect(list[0].domain == "x.ru")
        #expect(list[0].localPart == "i")
    }

    @Test func nullReversePath() {
        #expect(MailAddress.parseList("<>") == [MailAddress(name: nil, address: "")])
    }

    @Test func contentTypeParameters() throws {
        let type = try #require(MIMEContentType(parsing: #"Multipart/Mixed; BOUNDARY="a;b\"c"; charset=UTF-8 (comment)"#))
        #expect(type.mimeType == "multipart/mixed")
        #expect(type.boundary == #"a;b"c"#)
        #expect(type.charset == "UTF-8")
        #expect(MIMEContentType(parsing: "garbage") == nil)
        #expect(MIMEContentType(parsing: "text/") == nil)
    }

    @Test func rfc2231ContinuationsAndCharset() throws {
        let disposition = try #require(MIMEContentDisposition(parsing: """
            attachment; filename*0*=utf-8'ru'%D0%9E%D1%82%D1%87%D1%91%D1%82; filename*1*=%20%D0%B7%D0%B0; filename*2=" may.pdf"
            """))
        #expect(disposition.isAttachment)
        #expect(disposition.filename == "Отчёт за may.pdf")
        let windows = try #require(MIMEContentDisposition(parsing: "inline; filename*=windows-1251''%CF%F0%E8%E2%E5%F2.txt"))
        #expect(windows.filename == "Привет.txt")
        #expect(windows.isInline)
        let plainContinuation = try #require(MIMEContentType(parsing: #"application/pdf; name*0="long"; name*1="name.pdf""#))
        #expect(plainContinuation.name == "longname.pdf")
    }

    @Test func dates() {
        #expect(MailDate.parse("Mon, 3 Jun 2024 10:15:00 +0300") == Date(timeIntervalSince1970: 1_717_398_900))
        #expect(MailDate.parse("3 Jun 2024 07:15 GMT") == Date(timeIntervalSince1970: 1_717_398_900))
        #expect(MailDate.parse("Mon, 03 Jun 24 00:15:00 PDT") == Date(timeIntervalSince1970: 1_717_398_900))
        #expect(MailDate.parse("Mon,  3 Jun 2024 07:15:00 -0000 (UTC)") == Date(timeIntervalSince1970: 1_717_398_900))
        #expect(MailDate.parse("Thu, 29 Feb 2024 00:00:00 +0000") == Date(timeIntervalSince1970: 1_709_164_800))
        for junk in ["", "yesterday", "Fri, 31 Feb 2024 10:00:00 +0000", "Mon, 3 Jun 2024 25:00:00 +0000",
                     "Mon, 3 Foo 2024 10:00:00 +0000", "2024-06-03T10:00:00Z", "3 Jun 2024 10:00:00 +99999"] {
            #expect(MailDate.parse(junk) == nil, "\(junk)")
        }
    }

    @Test func messageIDs() {
        #expect(MessageIDList.parse("<a@x> <b@y>\r\n <a@x>") == ["a@x", "b@y"])
        #expect(MessageIDList.parse("a@x, b@y") == ["a@x", "b@y"])
        #expect(MessageIDList.parse("<unterminated@x") == ["unterminated@x"])
    }

    @Test func headerLookupIsCaseInsensitiveAndKeepsDuplicates() throws {
        let message = try MailMessage(parsing: Raw.crlf("Received: one\nRECEIVED: two\nSubject: s\n\n"))
        #expect(message.headers.values(for: "received") == ["one", "two"])
        #expect(message.headers["SUBJECT"] == "s")
        #expect(message.headers.contains("subject"))
        #expect(message.textBody == "")
    }
}
