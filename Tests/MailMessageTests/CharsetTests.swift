import Testing

@testable import MailMessage

/// The hand-written charset tables against known words.
struct CharsetTests {
    @Test func windows1251KnownWords() {
        #expect(MailCharset.windows1251.decode(CyrillicBytes.privetWindows1251) == "Привет")
        #expect(MailCharset.windows1251.decode(CyrillicBytes.paymentBrokenWindows1251) == "Не работает оплата")
        #expect(MailCharset.windows1251.decode(CyrillicBytes.invoiceWindows1251) == "Счёт №15")
    }

    @Test func koi8rKnownWords() {
        #expect(MailCharset.koi8r.decode(CyrillicBytes.privetKOI8R) == "Привет")
        #expect(MailCharset.koi8r.decode(CyrillicBytes.goodDayKOI8R) == "Добрый день!")
        #expect(MailCharset.koi8r.decode([0xA3, 0xB3]) == "ёЁ")
    }

    @Test func fullAlphabetRoundTrip() {
        // Windows-1251 has А..я contiguous at C0..FF.
        let alphabet = (0x0410...0x044F).compactMap(Unicode.Scalar.init).map(String.init).joined()
        #expect(MailCharset.windows1251.decode(Array(0xC0...0xFF)) == alphabet)
        #expect(CharsetTables.koi8rHigh.count == 128 && CharsetTables.windows1251High.count == 128)
    }

    @Test func latin1AndWindows1252() {
        #expect(MailCharset.iso8859_1.decode([0x63, 0x61, 0x66, 0xE9]) == "café")
        #expect(MailCharset.windows1252.decode([0x80, 0x20, 0x93, 0x94]) == "€ “”")
    }

    @Test(arguments: [
        ("UTF-8", MailCharset.utf8), ("utf8", .utf8), ("cp1251", .windows1251), ("Windows-1251", .windows1251),
        ("KOI8-R", .koi8r), ("latin1", .iso8859_1), ("ISO_8859-1", .iso8859_1), ("us-ascii", .usASCII),
        ("\"koi8-r\"", .koi8r), ("utf-8*ru", .utf8),
    ])
    func labels(label: String, charset: MailCharset) {
        #expect(MailCharset(name: label) == charset)
    }

    @Test func unknownLabelAndInvalidUTF8() {
        #expect(MailCharset(name: "x-unknown") == nil)
        #expect(MailCharset.utf8.decode([0x41, 0xFF, 0xC3]) == "A\u{FFFD}\u{FFFD}")
        #expect(MailCharset.decodeUnknown([0x41, 0xE9]) == "Aé")
        #expect(MailCharset.decodeUnknown(Array("Ж".utf8)) == "Ж")
    }
}
