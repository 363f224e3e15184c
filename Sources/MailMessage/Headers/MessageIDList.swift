/// Extracts message ids from Message-ID, In-Reply-To and References.
///
/// Ids are returned without their angle brackets (`abc@host`, not `<abc@host>`), in order, deduplicated,
/// so they can be compared and stored as plain strings.
public enum MessageIDList {
    /// Whitespace (from folding) and stray brackets are never part of an id.
    private static let strippedCharacters: Set<Character> = [" ", "\t", "\r", "\n", "\r\n", "<", ">"]

    /// Every `<id>` in the header; when there are no brackets at all (broken mailers), whitespace-separated
    /// tokens that contain an `@`.
    public static func parse(_ header: String) -> [String] {
        var ids: [String] = []
        var seen: Set<String> = []
        func add(_ raw: Substring) {
            let id = raw.filter { !strippedCharacters.contains($0) }
            guard !id.isEmpty, id.count <= 998, seen.insert(id).inserted else { return }
            ids.append(id)
        }
        var rest = header[...]
        var foundBracket = false
        while let open = rest.firstIndex(of: "<") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: ">") else { break }
            foundBracket = true
            add(rest[afterOpen..<close])
            rest = rest[rest.index(after: close)...]
        }
        if !foundBracket {
            for token in header.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\r\n" })
            where token.contains("@") {
                add(token)
            }
        }
        return ids
    }
}
