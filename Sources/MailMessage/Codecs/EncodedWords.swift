/// RFC 2047 "encoded words" (`=?charset?B?...?=` / `=?charset?Q?...?=`) in header text.
///
/// Subjects and display names with non-ASCII text arrive this way. Adjacent encoded words are joined without
/// the whitespace between them, and the bytes of consecutive words in the same charset are decoded together,
/// because mailers happily split one multi-byte character across two words.
///
/// ```swift
/// EncodedWords.decode("=?utf-8?B?0J/RgNC40LI=?= =?utf-8?B?0LXRgg==?= мир") // "Привет мир"
/// ```
public enum EncodedWords {
    /// Decodes every encoded word in `text`; anything that is not a well-formed encoded word is kept as is.
    public static func decode(_ text: String) -> String {
        var unknown: [String] = []
        return decode(text, unknownCharsets: &unknown)
    }

    /// Decodes every encoded word in `text`, collecting charset names that had to be guessed.
    public static func decode(_ text: String, unknownCharsets: inout [String]) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 8, text.contains("=?") else { return text }
        var result = ""
        // The run of adjacent encoded words in one charset, decoded together on flush.
        var pendingCharset: String?
        var pendingBytes: [UInt8] = []
        var plainStart = 0
        var index = 0

        func flush() {
            guard let name = pendingCharset else { return }
            if let charset = MailCharset(name: name) {
                result += charset.decode(pendingBytes)
            } else {
                if !unknownCharsets.contains(name) { unknownCharsets.append(name) }
                result += MailCharset.decodeUnknown(pendingBytes)
            }
            pendingCharset = nil
            pendingBytes.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            guard bytes[index] == ASCII.equals, index + 1 < bytes.count, bytes[index + 1] == 0x3F,
                let word = parseWord(bytes, at: index)
            else {
                index += 1
                continue
            }
            let between = bytes[plainStart..<index]
            if pendingCharset != nil, between.allSatisfy(ASCII.isWhitespace) {
                // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
            } else {
                flush()
                result += String(decoding: between, as: UTF8.self)
            }
            if pendingCharset != word.charset {
                flush()
                pendingCharset = word.charset
            }
            pendingBytes += word.bytes
            index = word.end
            plainStart = index
        }
        flush()
        result += String(decoding: bytes[plainStart...], as: UTF8.self)
        return result
    }

    /// Parses one encoded word starting at `start` ("=?"), or returns `nil` when it is not one.
    private static func parseWord(_ bytes: [UInt8], at start: Int) -> (charset: String, bytes: [UInt8], end: Int)? {
        var index = start + 2
        let charsetStart = index
        while index < bytes.count, bytes[index] != 0x3F {
            if ASCII.isWhitespace(bytes[index]) || index - charsetStart > 64 { return nil }
            index += 1
        }
        guard index < bytes.count, index > charsetStart else { return nil }
        let charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self).lowercased()
        index += 1
        guard index + 1 < bytes.count, bytes[index + 1] == 0x3F else { return nil }
        let encoding = ASCII.lowercased(bytes[index])
        guard encoding == 0x62 || encoding == 0x71 else { return nil }  // "b" or "q"
        index += 2
        let textStart = index
        while index + 1 < bytes.count {
            if bytes[index] == 0x3F, bytes[index + 1] == ASCII.equals { break }
            if ASCII.isWhitespace(bytes[index]) { return nil }
            index += 1
        }
        guard index + 1 < bytes.count else { return nil }
        let encoded = bytes[textStart..<index]
        let decoded = encoding == 0x62 ? Base64.decode(encoded).bytes : QuotedPrintable.decode(encoded, underscoreIsSpace: true)
        // RFC 2231 allows a language after the charset: "utf-8*ru".
        let bareCharset = charset.split(separator: "*", maxSplits: 1).first.map(String.init) ?? charset
        return (bareCharset, decoded, index + 2)
    }
}
