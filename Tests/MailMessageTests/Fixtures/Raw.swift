import Foundation

/// Helpers to build raw messages the way they arrive from an MTA: CRLF line endings, spliced 8-bit bytes.
enum Raw {
    /// The text as UTF-8 with every `\n` turned into CRLF.
    static func crlf(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    /// Base64 with 76-character lines, as mailers write bodies (LF here; ``crlf(_:)`` turns them into CRLF).
    static func base64Body(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
    }

    /// One RFC 2047 "B" encoded word.
    static func encodedWord(_ bytes: some Collection<UInt8>, charset: String) -> String {
        "=?\(charset)?B?\(Data(bytes).base64EncodedString())?="
    }
}

/// Cyrillic test phrases in legacy charsets, written as bytes and checked against the known words in
/// ``CharsetTests`` (e.g. "Привет" is CF F0 E8 E2 E5 F2 in Windows-1251 and F0 D2 C9 D7 C5 D4 in KOI8-R).
enum CyrillicBytes {
    static let privetWindows1251: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]
    static let privetKOI8R: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
    /// "Не работает оплата"
    static let paymentBrokenWindows1251: [UInt8] = [
        0xCD, 0xE5, 0x20, 0xF0, 0xE0, 0xE1, 0xEE, 0xF2, 0xE0, 0xE5, 0xF2, 0x20, 0xEE, 0xEF, 0xEB, 0xE0, 0xF2, 0xE0,
    ]
    static let paymentBrokenKOI8R: [UInt8] = [
        0xEE, 0xC5, 0x20, 0xD2, 0xC1, 0xC2, 0xCF, 0xD4, 0xC1, 0xC5, 0xD4, 0x20, 0xCF, 0xD0, 0xCC, 0xC1, 0xD4, 0xC1,
    ]
    /// "Добрый день!"
    static let goodDayWindows1251: [UInt8] = [0xC4, 0xEE, 0xE1, 0xF0, 0xFB, 0xE9, 0x20, 0xE4, 0xE5, 0xED, 0xFC, 0x21]
    static let goodDayKOI8R: [UInt8] = [0xE4, 0xCF, 0xC2, 0xD2, 0xD9, 0xCA, 0x20, 0xC4, 0xC5, 0xCE, 0xD8, 0x21]
    /// "Счёт №15" in Windows-1251 (ё is B8, № is B9).
    static let invoiceWindows1251: [UInt8] = [0xD1, 0xF7, 0xB8, 0xF2, 0x20, 0xB9, 0x31, 0x35]
}
