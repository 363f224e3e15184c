import NIOCore

/// Reads SMTP replies (RFC 5321 §4.2): lines `250-…` continue, `250 …` ends the reply.
struct SMTPReplyReader {
    var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var buffer = ByteBuffer()

    mutating func next() async throws -> (code: Int, text: String) {
        var lines: [String] = []
        while true {
            let line = try await nextLine()
            guard line.count >= 3, let code = Int(line.prefix(3)) else {
                throw SMTPError(code: 0, message: "malformed reply \"\(line.prefix(80))\"")
            }
            lines.append(String(line.dropFirst(4)))
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                return (code, lines.joined(separator: " "))
            }
        }
    }

    private mutating func nextLine() async throws -> String {
        while true {
            let view = buffer.readableBytesView
            if let newline = view.firstIndex(of: UInt8(ascii: "\n")) {
                let length = newline - view.startIndex
                let bytes = buffer.readBytes(length: length + 1) ?? []
                return String(decoding: bytes.dropLast().filter { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
            }
            guard var more = try await inbound.next() else {
                throw SMTPError(code: 0, message: "connection closed by the server")
            }
            buffer.writeBuffer(&more)
        }
    }
}
