/// Base64 decoding that never fails: whitespace and stray characters are skipped, padding is optional.
///
/// Mail in the wild has base64 bodies with odd line lengths, missing padding and garbage after the end,
/// so a strict decoder (like `Data(base64Encoded:)`) would lose the whole attachment for one bad byte.
enum Base64 {
    /// Decodes the base64 alphabet (standard or URL-safe) and ignores everything else.
    ///
    /// - Returns: The decoded bytes and whether anything had to be skipped or a partial quantum was dropped.
    static func decode<Bytes: Collection<UInt8>>(_ input: Bytes) -> (bytes: [UInt8], wasClean: Bool) {
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 4 * 3)
        var quantum: UInt32 = 0
        var filled = 0
        var clean = true
        for byte in input {
            guard let value = sextet(byte) else {
                if byte != ASCII.equals, !ASCII.isWhitespace(byte) { clean = false }
                continue
            }
            quantum = quantum << 6 | UInt32(value)
            filled += 1
            if filled == 4 {
                output.append(UInt8(truncatingIfNeeded: quantum >> 16))
                output.append(UInt8(truncatingIfNeeded: quantum >> 8))
                output.append(UInt8(truncatingIfNeeded: quantum))
                quantum = 0
                filled = 0
            }
        }
        switch filled {
        case 2:
            output.append(UInt8(truncatingIfNeeded: quantum >> 4))
        case 3:
            output.append(UInt8(truncatingIfNeeded: quantum >> 10))
            output.append(UInt8(truncatingIfNeeded: quantum >> 2))
        case 1:
            clean = false  // six bits cannot make a byte
        default:
            break
        }
        return (output, clean)
    }

    @inline(__always)
    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x41...0x5A: return byte - 0x41
        case 0x61...0x7A: return byte - 0x61 + 26
        case 0x30...0x39: return byte - 0x30 + 52
        case 0x2B, 0x2D: return 62  // "+" and URL-safe "-"
        case 0x2F, 0x5F: return 63  // "/" and URL-safe "_"
        default: return nil
        }
    }
}
