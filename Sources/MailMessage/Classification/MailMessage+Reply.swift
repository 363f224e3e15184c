extension MailMessage {
    /// ``textBody`` split into the new text of a reply and the full text.
    public var replyBody: ReplyBody { ReplyBody(text: textBody) }
}
