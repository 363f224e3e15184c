import SupportStore

extension InboundRequest {
    /// The request without NUL characters, which PostgreSQL `text` and `jsonb` refuse: a `\u0000` in a
    /// telegram update or a mail body would otherwise fail the transaction on every retry.
    func removingNULs() -> InboundRequest {
        func clean(_ text: String) -> String { text.contains("\0") ? text.replacing("\0", with: "") : text }
        var copy = self
        copy.body = clean(body)
        copy.subject = subject.map(clean)
        copy.externalMessageID = externalMessageID.map(clean)
        copy.thread.references = thread.references.map(clean)
        copy.requester = RequesterIdentityClaim(
            channel: requester.channel, externalID: clean(requester.externalID), display: requester.display.map(clean),
            displayName: clean(requester.displayName), email: requester.email.map(clean), locale: requester.locale)
        copy.attachments = attachments.map { file in
            MessageAttachment(
                name: file.name.map(clean), contentType: file.contentType.map(clean), size: file.size, ref: clean(file.ref),
                kind: file.kind, uniqueRef: file.uniqueRef.map(clean))
        }
        if case .edited(let original) = intent { copy.intent = .edited(originalMessageID: clean(original)) }
        if case .rate(let score, let comment, let ticket) = intent {
            copy.intent = .rate(score: score, comment: comment.map(clean), ticketID: ticket)
        }
        return copy
    }
}
