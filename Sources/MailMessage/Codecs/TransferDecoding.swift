/// Applies a `Content-Transfer-Encoding` to a part's body bytes.
///
/// `7bit`, `8bit` and `binary` are identity transforms; an unknown encoding is passed through unchanged and
/// recorded, because showing undecoded text beats losing the part.
enum TransferDecoding {
    static func decode(_ body: ArraySlice<UInt8>, encoding header: String?, problems: inout [String]) -> [UInt8] {
        let encoding = header.map { $0.trimmingASCIIWhitespace().lowercased() } ?? ""
        switch encoding {
        case "base64":
            let result = Base64.decode(body)
            if !result.wasClean { problems.append("base64 body contains invalid characters or a truncated group") }
            return result.bytes
        case "quoted-printable":
            return QuotedPrintable.decode(body)
        case "", "7bit", "8bit", "binary":
            return Array(body)
        default:
            problems.append("unknown Content-Transfer-Encoding \"\(encoding.prefix(40))\"; body kept as is")
            return Array(body)
        }
    }
}
