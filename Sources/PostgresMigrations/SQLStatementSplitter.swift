/// Splits a SQL script into statements at top-level semicolons.
///
/// postgres-nio speaks the extended protocol, which takes one statement per query, so a migration
/// script is sent statement by statement. Semicolons inside quotes, quoted identifiers, dollar-quoted
/// bodies (`$$ … $$`, `$fn$ … $fn$`) and comments do not split.
public enum SQLStatementSplitter {
    public static func split(_ script: String) -> [String] {
        let chars = Array(script)
        var statements: [String] = []
        var current = ""
        var i = 0
        func flush() {
            let trimmed = current.trimmingWhitespace()
            if !trimmed.isEmpty && !trimmed.isOnlyComments { statements.append(trimmed) }
            current = ""
        }
        while i < chars.count {
            let c = chars[i]
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            if c == "-" && next == "-" {
                while i < chars.count && chars[i] != "\n" { current.append(chars[i]); i += 1 }
                continue
            }
            if c == "/" && next == "*" {
                let end = find("*/", in: chars, from: i + 2) ?? chars.count
                current.append(contentsOf: chars[i..<min(end + 2, chars.count)]); i = end + 2
                continue
            }
            if c == "'" || c == "\"" {
                var j = i + 1
                while j < chars.count {
                    if chars[j] == c {
                        if j + 1 < chars.count && chars[j + 1] == c { j += 2; continue }
                        break
                    }
                    j += 1
                }
                current.append(contentsOf: chars[i..<min(j + 1, chars.count)]); i = j + 1
                continue
            }
            if c == "$", let tagEnd = dollarTagEnd(chars, from: i) {
                let tag = Array(chars[i...tagEnd])
                let close = find(String(tag), in: chars, from: tagEnd + 1) ?? chars.count
                let end = min(close + tag.count, chars.count)
                current.append(contentsOf: chars[i..<end]); i = end
                continue
            }
            if c == ";" { flush(); i += 1; continue }
            current.append(c); i += 1
        }
        flush()
        return statements
    }

    /// Index of the closing `$` of a dollar-quote tag starting at `start`, if it is one.
    private static func dollarTagEnd(_ chars: [Character], from start: Int) -> Int? {
        var j = start + 1
        while j < chars.count {
            let ch = chars[j]
            if ch == "$" { return j }
            if !(ch.isLetter || ch == "_" || (ch.isNumber && j > start + 1)) { return nil }
            j += 1
        }
        return nil
    }

    private static func find(_ needle: String, in chars: [Character], from start: Int) -> Int? {
        let n = Array(needle)
        guard !n.isEmpty, start <= chars.count - n.count else { return nil }
        var i = start
        while i <= chars.count - n.count {
            if Array(chars[i..<i + n.count]) == n { return i }
            i += 1
        }
        return nil
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    fileprivate var isOnlyComments: Bool {
        split(separator: "\n").allSatisfy { line in
            let t = line.drop(while: { $0.isWhitespace })
            return t.isEmpty || t.hasPrefix("--")
        }
    }
}
