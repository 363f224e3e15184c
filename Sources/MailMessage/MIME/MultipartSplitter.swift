/// Finds the body parts of a multipart entity between its `--boundary` delimiter lines.
///
/// Tolerates what broken mailers produce: transport padding after delimiters, a missing close delimiter
/// (the last part runs to the end), and a missing `boundary` parameter (guessed from the first `--` line).
enum MultipartSplitter {
    struct Result {
        var parts: [Range<Int>]
        /// Whether the close delimiter `--boundary--` was seen.
        var terminated: Bool
    }

    static func split(_ bytes: [UInt8], body: Range<Int>, boundary: String) -> Result {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [Range<Int>] = []
        var partStart: Int?
        for line in ByteLines(bytes, in: body) {
            guard line.contentEnd - line.start >= delimiter.count,
                bytes[line.start..<(line.start + delimiter.count)].elementsEqual(delimiter)
            else { continue }
            let rest = bytes[(line.start + delimiter.count)..<line.contentEnd]
            let isClose = rest.starts(with: [0x2D, 0x2D])
            guard isClose || rest.allSatisfy({ $0 == ASCII.space || $0 == ASCII.tab }) else { continue }
            if let start = partStart {
                parts.append(start..<partEnd(bytes, start: start, delimiterLine: line.start))
            }
            if isClose { return Result(parts: parts, terminated: true) }
            partStart = line.end
        }
        if let start = partStart, start <= body.upperBound {
            parts.append(start..<body.upperBound)
        }
        return Result(parts: parts, terminated: false)
    }

    /// Guesses the boundary from the first line that looks like a delimiter (`--something`).
    static func guessBoundary(_ bytes: [UInt8], body: Range<Int>) -> String? {
        for line in ByteLines(bytes, in: body) {
            let content = bytes[line.start..<line.contentEnd]
            guard content.count > 2, content.count <= 200, content.starts(with: [0x2D, 0x2D]) else { continue }
            var candidate = content.dropFirst(2)
            while let last = candidate.last, last == ASCII.space || last == ASCII.tab { candidate = candidate.dropLast() }
            guard !candidate.isEmpty, candidate.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { continue }
            return String(decoding: candidate, as: UTF8.self)
        }
        return nil
    }

    /// The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
    private static func partEnd(_ bytes: [UInt8], start: Int, delimiterLine: Int) -> Int {
        var end = max(start, delimiterLine)
        if end > start, bytes[end - 1] == ASCII.lf { end -= 1 }
        if end > start, bytes[end - 1] == ASCII.cr { end -= 1 }
        return end
    }
}
