/// A mailbox from an address header: optional display name and the address itself.
///
/// The address is lower-cased so requester identities can be matched by plain string comparison
/// (strictly the local part is case-sensitive, but no real provider treats it so).
///
/// ```swift
/// let list = MailAddress.parseList("\"Petrov, Ivan\" <Ivan@Example.RU>, anna@example.com (Anna)")
/// list[0].name     // "Petrov, Ivan"
/// list[0].address  // "ivan@example.ru"
/// ```
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The display name with RFC 2047 words decoded, or `nil` when there is none.
    public let name: String?
    /// The lower-cased `local@domain`; empty for the null reverse path `<>`.
    public let address: String

    public init(name: String?, address: String) {
        self.name = name
        self.address = address.lowercased()
    }

    /// The part before the last `@` (the whole address when there is no `@`).
    public var localPart: String {
        guard let at = address.lastIndex(of: "@") else { return address }
        return String(address[..<at])
    }

    /// The part after the last `@`, or `nil`.
    public var domain: String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...]
        return domain.isEmpty ? nil : String(domain)
    }

    public var description: String {
        guard let name, !name.isEmpty else { return "<\(address)>" }
        return "\(name) <\(address)>"
    }

    /// Parses an RFC 5322 address list (quoted names, comments, groups, bare addresses); never fails.
    ///
    /// Entries without an address are skipped, so junk yields an empty list rather than an error.
    public static func parseList(_ header: String) -> [MailAddress] {
        AddressListParser.parse(header)
    }
}
