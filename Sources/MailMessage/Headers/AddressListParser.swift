/// The tokenizer behind ``MailAddress/parseList(_:)``.
///
/// It tracks quotes, comments and angle brackets by hand so that commas inside `"Petrov, Ivan"` or
/// `(comment, here)` do not split an entry, and `group: a@b, c@d;` syntax yields its members.
enum AddressListParser {
    static func parse(_ header: String) -> [MailAddress] {
        var result: [MailAddress] = []
        for entry in splitEntries(header) {
            if let address = parseEntry(entry) { result.append(address) }
        }
        return result
    }

    /// Splits on top-level `,` and `;` and drops group names (`Team:`).
    private static func splitEntries(_ header: String) -> [String] {
        var entries: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        var commentDepth = 0
        var inAngle = false
        for character in header {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if character == "\\", inQuotes || commentDepth > 0 {
                escaped = true
                current.append(character)
                continue
            }
            if inQuotes {
                if character == "\"" { inQuotes = false }
                current.append(character)
                continue
            }
            if commentDepth > 0 {
                if character == "(" { commentDepth += 1 }
                if character == ")" { commentDepth -= 1 }
                current.append(character)
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case "(": commentDepth = 1
            case "<": inAngle = true
            case ">": inAngle = false
            case ",", ";":
                if !inAngle {
                    entries.append(current)
                    current = ""
                    continue
                }
            case ":":
                if !inAngle {
                    // "Group name:" — the text so far is a group display name, not an address.
                    current = ""
                    continue
                }
            default: break
            }
            current.append(character)
        }
        entries.append(current)
        return entries
    }

    /// Parses `Name <addr>`, `addr (Name)` or a bare `addr`.
    private static func parseEntry(_ entry: String) -> MailAddress? {
        var phrase = ""
        var angle: String?
        var comments: [String] = []
        var bare = ""
        var inQuotes = false
        var escaped = false
        var commentDepth = 0
        var comment = ""
        var inAngle = false
        var angleText = ""
        for character in entry {
            if commentDepth > 0 {
                if escaped {
                    comment.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "(" {
                    commentDepth += 1
                    comment.append(character)
                } else if character == ")" {
                    commentDepth -= 1
                    if commentDepth == 0 {
                        comments.append(comment)
                        comment = ""
                    } else {
                        comment.append(character)
                    }
                } else {
                    comment.append(character)
                }
                continue
            }
            if inQuotes {
                if escaped {
                    phrase.append(character)
                    bare.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inQuotes = false
                    bare.append(character)
                } else {
                    phrase.append(character)
                    bare.append(character)
                }
                continue
            }
            if inAngle {
                if character == ">" {
                    inAngle = false
                    angle = angleText
                } else {
                    angleText.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                inQuotes = true
                bare.append(character)
            case "(":
                commentDepth = 1
            case "<":
                inAngle = true
                angleText = ""
            default:
                phrase.append(character)
                bare.append(character)
            }
        }
        if inAngle, angle == nil { angle = angleText }  // unterminated "<addr"

        let address: String
        var name: String?
        if let angle {
            address = cleanAddress(angle)
            name = cleanName(phrase)
            if name == nil { name = comments.lazy.compactMap(cleanName).first }
        } else {
            let trimmed = bare.trimmingASCIIWhitespace()
            // "John Smith" alone is a name without an address, not an address.
            if !trimmed.contains("@"), trimmed.contains(where: { $0 == " " || $0 == "\t" }) { return nil }
            address = cleanAddress(trimmed)
            name = comments.lazy.compactMap(cleanName).first
        }
        guard !address.isEmpty || angle != nil else { return nil }
        return MailAddress(name: name, address: address)
    }

    /// Strips whitespace, quotes and an obsolete source route (`@relay:user@host`).
    private static func cleanAddress(_ raw: String) -> String {
        var text = raw.filter { $0 != " " && $0 != "\t" && $0 != "\r" && $0 != "\n" && $0 != "\r\n" }
        if text.hasPrefix("@"), let colon = text.firstIndex(of: ":") {
            text = String(text[text.index(after: colon)...])
        }
        if text.hasPrefix("\""), let lastQuote = text.lastIndex(of: "\""), lastQuote != text.startIndex {
            // "quoted local"@domain — keep the content.
            text = text.filter { $0 != "\"" }
        }
        return text
    }

    private static func cleanName(_ raw: String) -> String? {
        let collapsed = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r\n" || $0 == "\n" })
            .joined(separator: " ")
        let decoded = EncodedWords.decode(collapsed).trimmingASCIIWhitespace()
        return decoded.isEmpty ? nil : decoded
    }
}
