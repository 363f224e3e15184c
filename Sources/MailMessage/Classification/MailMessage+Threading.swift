extension MailMessage {
    /// Message ids this mail replies to, for finding its ticket: `In-Reply-To` first, then `References`
    /// (oldest first), without duplicates.
    public var threadReferences: [String] {
        var seen: Set<String> = []
        return (inReplyTo + references).filter { seen.insert($0).inserted }
    }

    /// The ticket number tagged in `subject`, e.g. 1042 for `Re: [#1042] Refund`.
    ///
    /// - Parameters:
    ///   - subject: A decoded subject line.
    ///   - format: The tag pattern; defaults to `[#N]`.
    public static func ticketTag(in subject: String, format: TicketTagFormat = .default) -> Int64? {
        format.firstNumber(in: subject)
    }

    /// The ticket number tagged in this message's subject.
    public func ticketTag(format: TicketTagFormat = .default) -> Int64? {
        subject.flatMap { Self.ticketTag(in: $0, format: format) }
    }
}
