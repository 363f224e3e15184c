extension MailMessage {
    /// The `Auto-Submitted` value, lower-cased, without parameters.
    public var autoSubmitted: String? {
        headers["auto-submitted"].map { headerToken($0) }
    }

    /// The `Precedence` value, lower-cased.
    public var precedence: String? {
        headers["precedence"].map { headerToken($0) }
    }

    /// Whether intake should ignore this message (auto-reply, bounce, bulk mail); see ``automaticReason``.
    public var isAutomatic: Bool { automaticReason != nil }

    /// The first reason this message looks machine-generated, checked in order of reliability; `nil` for mail
    /// written by a person.
    public var automaticReason: AutomaticMailReason? {
        if let value = autoSubmitted, !value.isEmpty, value != "no" { return .autoSubmitted(value) }
        if let reportType { return .deliveryReport(reportType) }
        if contentType.type == "multipart", contentType.subtype == "report" {
            return .deliveryReport(contentType.parameters["report-type"] ?? "")
        }
        if let value = precedence, ["bulk", "junk", "list"].contains(value) { return .precedence(value) }
        for name in ["x-autoreply", "x-autorespond", "x-autoresponder"] {
            if let value = headers[name], !["no", "false", "0"].contains(headerToken(value)) {
                return .autoreplyHeader(name)
            }
        }
        for mailbox in from + (headers["sender"].map(MailAddress.parseList) ?? []) {
            if ["mailer-daemon", "postmaster"].contains(mailbox.localPart) { return .systemSender(mailbox.address) }
        }
        if returnPath == "" { return .nullReturnPath }
        return nil
    }

    private func headerToken(_ value: String) -> String {
        let token = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return token.trimmingASCIIWhitespace().lowercased()
    }
}
