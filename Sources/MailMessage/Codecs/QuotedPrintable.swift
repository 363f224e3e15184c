/// Quoted-printable decoding (RFC 2045 §6.7), lenient the way real mail needs.
///
/// Soft line breaks (`=` at the end of a line, even with trailing blanks) are removed, `=XX` becomes a byte in
/// either hex case, and a malformed escape is kept literally instead of failing the whole body.
enum QuotedPrintable {
    /// Decodes a transfer-encoded body.
    ///
    /// - Parameters:
    ///   - input: The encoded bytes.
    ///   - underscoreIsSpace: `true` for the RFC 2047 "Q" encoding used in headers.
    static func decode<Bytes: Collection<UInt8>>(_ input: Bytes, underscoreIsSpace: Bool = false) -> [UInt8] {
        let bytes = Array(input)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == ASCII.equals {
                // Soft line break: "=" then optional blanks then a line ending (or the end of input).
                var probe = index + 1
                while probe < count, bytes[probe] == ASCII.space || bytes[probe] == ASCII.tab { probe += 1 }
                if probe >= count {
                    index = count
                    continue
                }
                if bytes[probe] == ASCII.lf {
                    index = probe + 1
                    continue
                }
                if bytes[probe] == ASCII.cr {
                    index = probe + 1
                    if index < count, bytes[index] == ASCII.lf { index += 1 }
                    continue
                }
                if index + 2 < count,
                    let high = ASCII.hexValue(bytes[index + 1]), let low = ASCII.hexValue(bytes[index + 2])
                {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
                output.append(byte)  // a bad escape stays as typed
                index += 1
            } else if byte == 0x5F, underscoreIsSpace {
                output.append(ASCII.space)
                index += 1
            } else if byte == ASCII.space || byte == ASCII.tab {
                // Trailing blanks before a hard line break were added in transport; drop them.
                var probe = index
                while probe < count, bytes[probe] == ASCII.space || bytes[probe] == ASCII.tab { probe += 1 }
                let atLineEnd = probe >= count || bytes[probe] == ASCII.cr || bytes[probe] == ASCII.lf
                if atLineEnd, !underscoreIsSpace {
                    index = probe
                } else {
                    output.append(contentsOf: bytes[index..<probe])
                    index = probe
                }
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }
}
