/// A deliberately simple HTML-to-text rendering for HTML-only mail.
///
/// Agents need something readable in the ticket, not a faithful layout: tags are dropped, block elements
/// become line breaks, `script`/`style`/`head` content is skipped, entities are decoded and whitespace is
/// collapsed. It works on UTF-8 bytes and never fails.
///
/// ```swift
/// HTMLText.plainText(from: "<p>Hello&nbsp;<b>world</b></p><p>Bye</p>") // "Hello world\n\nBye"
/// ```
public enum HTMLText {
    /// Renders `html` as readable plain text; never fails on malformed markup.
    public static func plainText(from html: String) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x3C {  // "<"
                index = consumeTag(bytes, at: index, into: &output)
            } else if byte == 0x26 {  // "&"
                index = consumeEntity(bytes, at: index, into: &output)
            } else if ASCII.isWhitespace(byte) {
                output.append(ASCII.space)
                index += 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        return tidy(String(decoding: output, as: UTF8.self))
    }

    private static let blockTags: Set<String> = [
        "br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote", "hr",
        "pre", "section", "article", "header", "footer", "dl", "dt", "dd",
    ]
    private static let skippedTags: Set<String> = ["script", "style", "head", "title"]

    /// Handles one `<...>` starting at `start`; returns the index after it.
    private static func consumeTag(_ bytes: [UInt8], at start: Int, into output: inout [UInt8]) -> Int {
        if hasPrefix(bytes, at: start, "<!--") {
            return find(bytes, "-->", from: start + 4).map { $0 + 3 } ?? bytes.count
        }
        var index = start + 1
        let isClosing = index < bytes.count && bytes[index] == 0x2F
        if isClosing { index += 1 }
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart || (index < bytes.count && (bytes[index] == 0x21 || bytes[index] == 0x3F)) else {
            output.append(0x3C)  // a literal "<", e.g. "a < b"
            return start + 1
        }
        let name = String(decoding: bytes[nameStart..<index].map(ASCII.lowercased), as: UTF8.self)
        guard let close = find(bytes, ">", from: index) else { return bytes.count }
        var next = close + 1
        if !isClosing, skippedTags.contains(name) {
            if let end = findCaseInsensitive(bytes, "</" + name, from: next) {
                next = find(bytes, ">", from: end).map { $0 + 1 } ?? bytes.count
            } else {
                next = bytes.count
            }
        } else if blockTags.contains(name) {
            output.append(ASCII.lf)
        } else if name == "td" || name == "th" {
            output.append(ASCII.space)
        }
        return next
    }

    /// Decodes one `&...;` starting at `start`; an unknown entity stays literal.
    private static func consumeEntity(_ bytes: [UInt8], at start: Int, into output: inout [UInt8]) -> Int {
        var end = start + 1
        while end < bytes.count, end - start <= 12, bytes[end] != 0x3B, !ASCII.isWhitespace(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == 0x3B else {
            output.append(0x26)
            return start + 1
        }
        let body = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        var scalar: Unicode.Scalar?
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            scalar = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        } else if body.hasPrefix("#") {
            scalar = UInt32(body.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
        } else {
            scalar = namedEntities[body]
        }
        guard let scalar else {
            output.append(0x26)
            return start + 1
        }
        let text = scalar == "\u{00A0}" ? " " : String(scalar)
        output.append(contentsOf: Array(text.utf8))
        return end + 1
    }

    private static let namedEntities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "laquo": "«", "raquo": "»",
        "mdash": "—", "ndash": "–", "hellip": "…", "copy": "©", "reg": "®", "trade": "™", "euro": "€",
        "bull": "•", "middot": "·", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "bdquo": "„",
        "shy": "\u{00AD}", "deg": "°", "times": "×", "numero": "№",
    ]

    /// Collapses runs of spaces, trims every line and keeps at most one blank line in a row.
    private static func tidy(_ text: String) -> String {
        var lines: [String] = []
        var lastWasBlank = true
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            if line.isEmpty {
                if !lastWasBlank { lines.append("") }
                lastWasBlank = true
            } else {
                lines.append(line)
                lastWasBlank = false
            }
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
    }

    private static func hasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: String) -> Bool {
        let needle = Array(prefix.utf8)
        guard index + needle.count <= bytes.count else { return false }
        return bytes[index..<(index + needle.count)].elementsEqual(needle)
    }

    private static func find(_ bytes: [UInt8], _ needle: String, from start: Int) -> Int? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, start < bytes.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    private static func findCaseInsensitive(_ bytes: [UInt8], _ needle: String, from start: Int) -> Int? {
        let pattern = Array(needle.lowercased().utf8)
        guard start < bytes.count, !pattern.isEmpty else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index..<(index + pattern.count)].lazy.map(ASCII.lowercased).elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}
