import Foundation
import Testing

@testable import MailMessage

/// Transfer encodings and RFC 2047 encoded words.
struct CodecTests {
    @Test func quotedPrintableSoftBreaksAndEscapes() {
        let input = Array("caf=C3=A9 =\r\nlatte=3D1   \r\nnext= \r\nline=zz end=4".utf8)
        #expect(String(decoding: QuotedPrintable.decode(input), as: UTF8.self) == "café latte=1\r\nnextline=zz end=4")
    }

    @Test func quotedPrintableLowercaseHexAndBareLF() {
        #expect(QuotedPrintable.decode(Array("=d0=9f=\nx".utf8)) == [0xD0, 0x9F, 0x78])
    }

    @Test func base64IgnoresWhitespaceAndJunk() {
        let encoded = Data("Привет, мир".utf8).base64EncodedString()
        let spaced = Array(encoded.enumerated().map { $0.offset % 5 == 0 ? " \r\n\($0.element)" : "\($0.element)" }
            .joined().utf8)
        #expect(String(decoding: Base64.decode(spaced).bytes, as: UTF8.self) == "Привет, мир")
        #expect(Base64.decode(Array("aGVsbG8".utf8)).bytes == Array("hello".utf8))  // missing padding
        let junk = Base64.decode(Array("aGVs*bG8=".utf8))
        #expect(junk.bytes == Array("hello".utf8))
        #expect(!junk.wasClean)
    }

    @Test func encodedWordsBAndQ() {
        #expect(EncodedWords.decode("=?UTF-8?B?0J/RgNC40LLQtdGC?=") == "Привет")
        #expect(EncodedWords.decode("=?utf-8?q?=D0=9E=D0=BF=D0=BB=D0=B0=D1=82=D0=B0_OK?=") == "Оплата OK")
        #expect(EncodedWords.decode("=?windows-1251?B?z/Do4uXy?=") == "Привет")
        #expect(EncodedWords.decode("=?koi8-r?Q?=F0=D2=C9=D7=C5=D4?=") == "Привет")
    }

    @Test func adjacentWordsJoinAndPlainTextKeepsSpaces() {
        #expect(EncodedWords.decode("=?utf-8?Q?a?= =?utf-8?Q?b?=") == "ab")
        #expect(EncodedWords.decode("=?utf-8?Q?a?=\r\n =?utf-8?Q?b?=") == "ab")
        #expect(EncodedWords.decode("Re: =?utf-8?Q?a?= and =?utf-8?Q?b?= end") == "Re: a and b end")
        #expect(EncodedWords.decode("=?iso-8859-1?Q?caf=E9?= =?utf-8?B?0JY=?=") == "caféЖ")
    }

    @Test func multibyteCharacterSplitAcrossWords() {
        let bytes = Array("Ж".utf8)
        let text = Raw.encodedWord(bytes[0..<1], charset: "utf-8") + " " + Raw.encodedWord(bytes[1...], charset: "utf-8")
        #expect(EncodedWords.decode(text) == "Ж")
    }

    @Test func malformedEncodedWordsStayLiteral() {
        for text in ["=?", "=?utf-8?", "=?utf-8?X?abc?=", "=?utf-8?B?abc", "a =? b ?= c", "=??B?YQ==?=", "=?utf-8?Q?a b?="] {
            #expect(EncodedWords.decode(text) == text)
        }
    }

    @Test func unknownCharsetInEncodedWordIsReported() {
        var unknown: [String] = []
        #expect(EncodedWords.decode("=?x-mac-cyrillic?Q?abc?=", unknownCharsets: &unknown) == "abc")
        #expect(unknown == ["x-mac-cyrillic"])
    }

    @Test func htmlToText() {
        #expect(HTMLText.plainText(from: "<p>Hello&nbsp;<b>world</b></p><p>Bye &#1046;&#x416;</p>") == "Hello world\n\nBye ЖЖ")
        #expect(HTMLText.plainText(from: "a < b &unknown; <!-- hidden --> c") == "a < b &unknown; c")
        #expect(HTMLText.plainText(from: "<div>unterminated <b") == "unterminated")
        #expect(HTMLText.plainText(from: "<STYLE>x{}</STYLE>ok<br/>next") == "ok\nnext")
    }
}
