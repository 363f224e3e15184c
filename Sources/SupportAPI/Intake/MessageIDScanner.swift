import MailMessage

/// Finds a mail's Message-ID by reading only its header block, so the request path never parses a
/// whole MIME message (the intake worker does that).
enum MessageIDScanner {
    /// Headers longer than this are not scanned; the item is then stored without a dedupe key.
    static let maxHeaderBytes = 256 * 1024

    static func messageID(in raw: [UInt8]) -> String? {
        var lines: [String] = []
        var start = 0
        var i = 0
        let limit = min(raw.count, maxHeaderBytes)
        while i < limit {
            if raw[i] == 0x0A {
                var line = raw[start..<i]
                if line.last == 0x0D { line = line.dropLast() }
                if line.isEmpty { break }
                let text = String(decoding: line, as: UTF8.self)
                if let first = text.first, first == " " || first == "\t", !lines.isEmpty {
                    lines[lines.count - 1] += text
                } else {
                    lines.append(text)
                }
                start = i + 1
            }
            i += 1
        }
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].lowercased() == "message-id" {
                return MessageIDList.parse(String(line[line.index(after: colon)...])).first
            }
        }
        return nil
    }
}
