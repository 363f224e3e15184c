/// The new text of a reply, separated from the quoted history, with the full text kept alongside.
///
/// Intake appends only ``newText`` to the ticket conversation (the history is already there), but keeps
/// ``fullText`` in case the heuristics cut too much.
///
/// ```swift
/// let reply = ReplyBody(text: "Thanks!\n\nOn Mon, 3 Jun 2024 Ann wrote:\n> Try again")
/// reply.newText   // "Thanks!"
/// reply.hasQuote  // true
/// ```
public struct ReplyBody: Sendable, Hashable {
    /// The text above the quoted history, with `>` lines removed and surrounding blank lines trimmed.
    public let newText: String
    /// The whole text as received.
    public let fullText: String

    /// Whether anything was cut.
    public var hasQuote: Bool { newText != fullText.trimmingASCIIWhitespace() }

    /// Splits `text` at the first quote separator: an attribution line ("On … wrote:", "… пишет:",
    /// "… написал(а):"), "-----Original Message-----", an Outlook `From:`/`Sent:` block, or a line of underscores.
    /// Lines starting with `>` above it are dropped too, so inline quotes do not leak into the new text.
    public init(text: String) {
        fullText = text
        // "\r\n" is a single Character in Swift, so split on both forms.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        var kept: [Substring] = []
        var index = 0
        scan: while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingASCIIWhitespace()
            if trimmed.hasPrefix(">") {
                // Drop the quote and an attribution line right above it.
                if let previous = kept.last, Self.looksLikeAttribution(previous.trimmingASCIIWhitespace()) {
                    kept.removeLast()
                }
                index += 1
                continue
            }
            if Self.isSeparator(trimmed, following: lines[(index + 1)...].prefix(4)) {
                // A wrapped attribution ("On Mon, 3 Jun 2024 at 10:00, Ann <" / "ann@x.com> wrote:").
                if Self.endsAttribution(trimmed), let previous = kept.last,
                    previous.trimmingASCIIWhitespace().lowercased().hasPrefix("on ")
                {
                    kept.removeLast()
                }
                break scan
            }
            kept.append(line)
            index += 1
        }
        while let first = kept.first, first.trimmingASCIIWhitespace().isEmpty { kept.removeFirst() }
        while let last = kept.last, last.trimmingASCIIWhitespace().isEmpty { kept.removeLast() }
        newText = kept.joined(separator: "\n")
    }

    private static let attributionEndings = [
        "wrote:", "writes:", "пишет:", "написал:", "написала:", "написал(а):", "писал:", "писала:", "schrieb:",
        "a écrit :", "a écrit:",
    ]

    private static func endsAttribution(_ line: String) -> Bool {
        let lower = line.lowercased()
        return attributionEndings.contains { lower.hasSuffix($0) }
    }

    /// A line that introduces a quote: ends like an attribution, or names an address and ends with ">:".
    private static func looksLikeAttribution(_ line: String) -> Bool {
        endsAttribution(line) || (line.hasSuffix(">:") && line.contains("@"))
    }

    private static func isSeparator(_ line: String, following: ArraySlice<Substring>) -> Bool {
        guard !line.isEmpty else { return false }
        let lower = line.lowercased()
        if endsAttribution(line) { return true }
        if lower.hasSuffix(">:"), lower.contains("@"),
            following.first(where: { !$0.trimmingASCIIWhitespace().isEmpty })?.trimmingASCIIWhitespace()
                .hasPrefix(">") == true
        {
            return true
        }
        let stripped = lower.filter { $0 != "-" && $0 != " " && $0 != "=" }
        if lower.hasPrefix("--"), ["originalmessage", "исходноесообщение", "пересланноесообщение",
            "forwardedmessage"].contains(stripped)
        {
            return true
        }
        if line.count >= 10, line.allSatisfy({ $0 == "_" }) { return true }
        // Outlook header block: "From: …" followed closely by "Sent:" / "Date:" / "Отправлено:".
        if lower.hasPrefix("from:") || lower.hasPrefix("от:") {
            let markers = ["sent:", "date:", "отправлено:", "дата:", "to:", "кому:"]
            return following.contains { next in
                let nextLower = next.trimmingASCIIWhitespace().lowercased()
                return markers.contains { nextLower.hasPrefix($0) }
            }
        }
        return false
    }
}
