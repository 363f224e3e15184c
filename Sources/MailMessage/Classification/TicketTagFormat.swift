/// The subject tag that ties a mail to an existing ticket, such as `[#1042]` or `[Support #1042]`.
///
/// Written as a pattern where `N` (the last one) stands for the ticket number; matching ignores case.
///
/// ```swift
/// MailMessage.ticketTag(in: "Re: [#1042] Refund")                                  // 1042
/// MailMessage.ticketTag(in: "Re: [Support #7] Hi", format: TicketTagFormat("[Support #N]")) // 7
/// ```
public struct TicketTagFormat: Sendable, Hashable {
    /// Text before the number, e.g. `[#`.
    public let prefix: String
    /// Text after the number, e.g. `]`.
    public let suffix: String

    /// - Parameter pattern: The tag with `N` in place of the number; without an `N` the number goes at the end.
    public init(_ pattern: String) {
        if let marker = pattern.lastIndex(of: "N") {
            prefix = String(pattern[..<marker])
            suffix = String(pattern[pattern.index(after: marker)...])
        } else {
            prefix = pattern
            suffix = ""
        }
    }

    /// `[#N]`.
    public static let `default` = TicketTagFormat("[#N]")

    /// The tag for a ticket number, for outgoing subjects.
    public func tag(for number: Int64) -> String { "\(prefix)\(number)\(suffix)" }

    /// The number in the first tag found in `text`, or `nil`.
    public func firstNumber(in text: String) -> Int64? {
        let haystack = Array(text.lowercased().utf8)
        let head = Array(prefix.lowercased().utf8)
        let tail = Array(suffix.lowercased().utf8)
        var index = 0
        while index + head.count <= haystack.count {
            defer { index += 1 }
            guard haystack[index..<(index + head.count)].elementsEqual(head) else { continue }
            var digitsEnd = index + head.count
            while digitsEnd < haystack.count, (0x30...0x39).contains(haystack[digitsEnd]) { digitsEnd += 1 }
            let digits = haystack[(index + head.count)..<digitsEnd]
            guard !digits.isEmpty, digits.count <= 18, digitsEnd + tail.count <= haystack.count,
                haystack[digitsEnd..<(digitsEnd + tail.count)].elementsEqual(tail),
                let number = Int64(String(decoding: digits, as: UTF8.self))
            else { continue }
            return number
        }
        return nil
    }
}
