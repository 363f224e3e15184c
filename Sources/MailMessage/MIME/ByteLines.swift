/// One line of a byte buffer: `start..<contentEnd` is the text, `end` is just past its line terminator.
struct ByteLine {
    let start: Int
    let contentEnd: Int
    let end: Int

    var isEmpty: Bool { contentEnd == start }
}

/// Iterates the lines of `bytes[range]`, accepting both CRLF and bare LF endings.
struct ByteLines: Sequence, IteratorProtocol {
    private let bytes: [UInt8]
    private var position: Int
    private let limit: Int

    init(_ bytes: [UInt8], in range: Range<Int>) {
        self.bytes = bytes
        self.position = Swift.max(0, range.lowerBound)
        self.limit = Swift.min(bytes.count, range.upperBound)
    }

    mutating func next() -> ByteLine? {
        guard position < limit else { return nil }
        let start = position
        let newline = bytes[start..<limit].firstIndex(of: ASCII.lf)
        let end = newline.map { $0 + 1 } ?? limit
        var contentEnd = newline ?? limit
        if contentEnd > start, bytes[contentEnd - 1] == ASCII.cr { contentEnd -= 1 }
        position = end
        return ByteLine(start: start, contentEnd: contentEnd, end: end)
    }
}
