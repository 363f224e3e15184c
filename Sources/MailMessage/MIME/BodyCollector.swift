/// What a walk over the MIME tree gathers: text segments in order, attachment metadata and problems.
struct BodyCollector {
    /// One piece of body text; an alternative contributes one segment with both renderings.
    struct Segment {
        var plain: String?
        var html: String?
    }

    var segments: [Segment] = []
    var attachments: [MailAttachment] = []
    var problems: [String] = []
    var unknownCharsets: [String] = []
    var partCount = 0
    var reportType: String?

    /// Starts a collector for an alternative's branch; counters carry over so limits stay global.
    func branch() -> BodyCollector {
        var child = BodyCollector()
        child.partCount = partCount
        return child
    }

    /// Takes everything but the segments from a finished branch.
    mutating func absorb(_ branch: BodyCollector) {
        attachments += branch.attachments
        problems += branch.problems
        for name in branch.unknownCharsets where !unknownCharsets.contains(name) { unknownCharsets.append(name) }
        partCount = branch.partCount
        if reportType == nil { reportType = branch.reportType }
    }

    mutating func noteUnknownCharset(_ name: String) {
        if !unknownCharsets.contains(name) { unknownCharsets.append(name) }
    }

    /// Plain text of one branch, or `nil` when it has no non-blank plain text.
    var plainText: String? {
        let pieces = segments.compactMap(\.plain).map(Self.trimTrailingNewlines).filter { !$0.trimmingASCIIWhitespace().isEmpty }
        return pieces.isEmpty ? nil : pieces.joined(separator: "\n\n")
    }

    var htmlText: String? {
        let pieces = segments.compactMap(\.html).filter { !$0.trimmingASCIIWhitespace().isEmpty }
        return pieces.isEmpty ? nil : pieces.joined(separator: "\n")
    }

    /// All segments as readable text: plain where present, HTML rendered to text otherwise.
    var renderedText: String {
        segments.compactMap { segment -> String? in
            if let plain = segment.plain, !plain.trimmingASCIIWhitespace().isEmpty {
                return Self.trimTrailingNewlines(plain)
            }
            if let html = segment.html {
                let text = HTMLText.plainText(from: html)
                return text.isEmpty ? nil : text
            }
            return nil
        }.joined(separator: "\n\n")
    }

    static func trimTrailingNewlines(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last, last == "\n" || last == "\r\n" || last == "\r" { result = result.dropLast() }
        return String(result)
    }
}
