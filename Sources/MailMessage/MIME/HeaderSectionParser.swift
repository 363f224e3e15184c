/// Splits an entity (a whole message or one MIME part) into its header fields and body.
///
/// Unfolds continuation lines, keeps duplicates, and stops at the first empty line. A line that is neither a
/// header nor a continuation ends the header section early (recorded as a problem) rather than failing.
enum HeaderSectionParser {
    struct Result {
        var headers: MailHeaders
        var body: Range<Int>
        /// Whether any header field was found; a top-level message without one is rejected.
        var foundHeaders: Bool
    }

    static func parse(
        _ bytes: [UInt8], in range: Range<Int>, maxFields: Int, problems: inout [String]
    ) -> Result {
        var raw: [(name: String, value: [UInt8])] = []
        var bodyStart = range.upperBound
        var droppedFields = 0
        var droppingCurrent = false
        for line in ByteLines(bytes, in: range) {
            let content = bytes[line.start..<line.contentEnd]
            if content.allSatisfy({ $0 == ASCII.space || $0 == ASCII.tab }) {
                bodyStart = line.end
                break
            }
            if let first = content.first, first == ASCII.space || first == ASCII.tab {
                guard !raw.isEmpty else {
                    bodyStart = range.lowerBound  // starts with indented text: no header section at all
                    break
                }
                if !droppingCurrent { raw[raw.count - 1].value += content }
                continue
            }
            guard let name = fieldName(content) else {
                if raw.isEmpty {
                    bodyStart = range.lowerBound
                } else {
                    problems.append("header section ended by a line that is not a header; the rest is treated as body")
                    bodyStart = line.start
                }
                break
            }
            if raw.count >= maxFields {
                droppedFields += 1
                droppingCurrent = true
                continue
            }
            droppingCurrent = false
            let colon = content.firstIndex(of: 0x3A) ?? content.endIndex
            raw.append((name, Array(content[(colon + 1)...])))
        }
        if droppedFields > 0 { problems.append("\(droppedFields) header fields beyond the limit of \(maxFields) ignored") }
        let headers = decode(raw, problems: &problems)
        return Result(headers: headers, body: bodyStart..<max(bodyStart, range.upperBound), foundHeaders: !raw.isEmpty)
    }

    /// The field name if `line` starts with `name:` (printable ASCII, no spaces; obsolete `Name :` accepted).
    private static func fieldName(_ line: ArraySlice<UInt8>) -> String? {
        guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex else { return nil }
        var nameEnd = colon
        while nameEnd > line.startIndex, line[nameEnd - 1] == ASCII.space || line[nameEnd - 1] == ASCII.tab {
            nameEnd -= 1
        }
        let name = line[line.startIndex..<nameEnd]
        guard !name.isEmpty, name.count <= 200, name.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return String(decoding: name, as: UTF8.self)
    }

    /// Turns raw values into text: UTF-8 when valid (modern mailers send raw UTF-8 headers), otherwise the
    /// entity's declared charset, otherwise Latin-1.
    private static func decode(_ raw: [(name: String, value: [UInt8])], problems: inout [String]) -> MailHeaders {
        var fallback: MailCharset?
        if let contentType = raw.first(where: { $0.name.lowercased() == "content-type" }) {
            fallback = MIMEContentType(parsing: String(decoding: contentType.value, as: UTF8.self))?.charset
                .flatMap(MailCharset.init(name:))
        }
        var reported = false
        let fields = raw.map { field -> MailHeaderField in
            let text: String
            if let valid = String(validating: field.value, as: UTF8.self) {
                text = valid
            } else {
                let charset = fallback ?? .iso8859_1
                text = charset.decode(field.value)
                if !reported {
                    problems.append("8-bit header bytes are not UTF-8; decoded as \(charset.rawValue)")
                    reported = true
                }
            }
            return MailHeaderField(name: field.name, value: text.trimmingASCIIWhitespace())
        }
        return MailHeaders(fields)
    }
}
