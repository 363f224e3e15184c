/// Parses structured header values of the form `value; name=token; name="quoted"` (Content-Type,
/// Content-Disposition), including RFC 2231 continuations and charset-tagged values (`filename*=utf-8''%D0%...`).
///
/// Parameter names come back lower-cased. Non-standard RFC 2047 words inside values (`name="=?utf-8?B?...?="`,
/// as Outlook and Gmail send them) are decoded too, since that is how most Cyrillic file names arrive.
enum HeaderParameters {
    struct Parsed {
        var value: String
        var parameters: [String: String]
    }

    static func parse(_ header: String, unknownCharsets: inout [String]) -> Parsed {
        let segments = splitSegments(header)
        let main = segments.first?.trimmingASCIIWhitespace() ?? ""
        var plain: [String: String] = [:]
        // RFC 2231 sections by base name: (section number, is percent-encoded, raw value).
        var sections: [String: [(index: Int, extended: Bool, value: String)]] = [:]

        for segment in segments.dropFirst() {
            guard let equals = segment.firstIndex(of: "=") else { continue }
            let rawName = segment[..<equals].trimmingASCIIWhitespace().lowercased()
            let value = unquote(segment[segment.index(after: equals)...].trimmingASCIIWhitespace())
            guard !rawName.isEmpty else { continue }
            guard let star = rawName.firstIndex(of: "*") else {
                if plain[rawName] == nil { plain[rawName] = value }
                continue
            }
            let base = String(rawName[..<star])
            let rest = rawName[rawName.index(after: star)...]  // "", "0", "0*", "*"... after the first star
            let extended = rest.isEmpty || rest.hasSuffix("*")
            let number = rest.hasSuffix("*") ? rest.dropLast() : rest[...]
            let index: Int
            if number.isEmpty {
                index = 0
            } else if number.count <= 3, let parsed = Int(number) {
                index = parsed
            } else {
                continue
            }
            sections[base, default: []].append((index, extended, value))
        }

        var parameters: [String: String] = [:]
        for (name, value) in plain {
            parameters[name] = value.contains("=?") ? EncodedWords.decode(value, unknownCharsets: &unknownCharsets) : value
        }
        for (name, parts) in sections {
            parameters[name] = assemble(parts.sorted { $0.index < $1.index }, unknownCharsets: &unknownCharsets)
        }
        return Parsed(value: main, parameters: parameters)
    }

    /// Joins RFC 2231 sections; the first extended one carries `charset'language'`.
    private static func assemble(
        _ parts: [(index: Int, extended: Bool, value: String)], unknownCharsets: inout [String]
    ) -> String {
        var bytes: [UInt8] = []
        var charsetName = ""
        for (position, part) in parts.enumerated() {
            guard part.extended else {
                bytes += Array(part.value.utf8)
                continue
            }
            var encoded = Substring(part.value)
            if position == 0 {
                let pieces = part.value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    charsetName = String(pieces[0])
                    encoded = pieces[2]
                }
            }
            bytes += percentDecode(encoded)
        }
        if charsetName.isEmpty { return MailCharset.decodeUnknown(bytes) }
        if let charset = MailCharset(name: charsetName) { return charset.decode(bytes) }
        if !unknownCharsets.contains(charsetName.lowercased()) { unknownCharsets.append(charsetName.lowercased()) }
        return MailCharset.decodeUnknown(bytes)
    }

    private static func percentDecode(_ text: Substring) -> [UInt8] {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            if input[index] == 0x25, index + 2 < input.count,
                let high = ASCII.hexValue(input[index + 1]), let low = ASCII.hexValue(input[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(input[index])
                index += 1
            }
        }
        return output
    }

    /// Splits on `;` outside quoted strings and drops `(comments)`.
    private static func splitSegments(_ header: String) -> [String] {
        var segments: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        var commentDepth = 0
        for character in header {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if inQuotes {
                if character == "\\" { escaped = true }
                if character == "\"" { inQuotes = false }
                current.append(character)
                continue
            }
            if commentDepth > 0 {
                if character == "(" { commentDepth += 1 }
                if character == ")" { commentDepth -= 1 }
                continue
            }
            switch character {
            case "\"":
                inQuotes = true
                current.append(character)
            case "(":
                commentDepth = 1
            case ";":
                segments.append(current)
                current = ""
            default:
                current.append(character)
            }
        }
        segments.append(current)
        return segments
    }

    /// Removes surrounding quotes and backslash escapes; an unquoted value is returned trimmed.
    static func unquote(_ value: String) -> String {
        guard value.hasPrefix("\"") else { return value }
        var result = ""
        var escaped = false
        for character in value.dropFirst() {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                break
            } else {
                result.append(character)
            }
        }
        return result
    }
}
