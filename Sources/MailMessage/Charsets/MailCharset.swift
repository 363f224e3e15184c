/// A character set the mail parser can turn into text without help from the platform.
///
/// Foundation's legacy encodings (KOI8-R, Windows-1251) are not reliably available on Linux,
/// so every supported charset is decoded by code in this module: UTF-8 by the standard library,
/// the single-byte ones through 128-entry tables for their high half.
///
/// ```swift
/// let charset = MailCharset(name: "CP1251")          // .windows1251
/// let text = charset?.decode([0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]) // "Привет"
/// ```
public enum MailCharset: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case usASCII = "us-ascii"
    case iso8859_1 = "iso-8859-1"
    case windows1252 = "windows-1252"
    case windows1251 = "windows-1251"
    case koi8r = "koi8-r"

    /// Looks a charset up by any of its common labels (case-insensitive, RFC 2231 language suffix ignored).
    ///
    /// Returns `nil` for charsets this module cannot decode; callers then fall back to
    /// ``decodeUnknown(_:)`` and record the name as a problem.
    public init?(name: String) {
        var label = name.trimmingASCIIWhitespace().lowercased()
        if let star = label.firstIndex(of: "*") { label = String(label[..<star]) }
        if label.hasPrefix("\""), label.hasSuffix("\""), label.count >= 2 {
            label = String(label.dropFirst().dropLast())
        }
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": self = .utf8
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "cp367", "ibm367", "csascii": self = .usASCII
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819", "iso-ir-100",
            "csisolatin1", "iso_8859-1:1987":
            self = .iso8859_1
        case "windows-1252", "cp1252", "x-cp1252", "win-1252": self = .windows1252
        case "windows-1251", "cp1251", "x-cp1251", "win-1251", "cp-1251", "windows1251", "ms-cyrl": self = .windows1251
        case "koi8-r", "koi8r", "cskoi8r", "koi8", "koi": self = .koi8r
        default: return nil
        }
    }

    /// Decodes bytes in this charset; malformed input becomes U+FFFD, never a trap.
    public func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        switch self {
        case .utf8, .usASCII:
            // US-ASCII is a strict subset; 8-bit bytes in "ascii" text are almost always UTF-8 in practice.
            return String(decoding: bytes, as: UTF8.self)
        case .iso8859_1:
            return Self.decodeSingleByte(bytes) { Unicode.Scalar(UInt32($0)) }
        case .windows1252:
            return Self.decodeSingleByte(bytes) { byte in
                if (0x80...0x9F).contains(byte) { return Unicode.Scalar(CharsetTables.windows1252C1[Int(byte) - 0x80]) }
                return Unicode.Scalar(UInt32(byte))
            }
        case .windows1251:
            return Self.decodeSingleByte(bytes) { Unicode.Scalar(CharsetTables.windows1251High[Int($0) - 0x80]) }
        case .koi8r:
            return Self.decodeSingleByte(bytes) { Unicode.Scalar(CharsetTables.koi8rHigh[Int($0) - 0x80]) }
        }
    }

    /// Decodes bytes of an unknown or missing charset: UTF-8 when the bytes are valid UTF-8, Latin-1 otherwise.
    ///
    /// Latin-1 never fails and keeps every byte visible, which is the least lossy guess for an inspector.
    public static func decodeUnknown<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return MailCharset.iso8859_1.decode(bytes)
    }

    /// Maps every byte: ASCII as is, the high half through `high`.
    private static func decodeSingleByte<Bytes: Collection<UInt8>>(
        _ bytes: Bytes, high: (UInt8) -> Unicode.Scalar?
    ) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
            } else {
                scalars.append(high(byte) ?? "\u{FFFD}")
            }
        }
        return String(scalars)
    }
}
