/// Turns raw bytes into a ``MailMessage``: top-level headers, then a bounded walk of the MIME tree.
struct MessageParser {
    let bytes: [UInt8]
    let limits: MailParseLimits

    func parse() throws(MailParseError) -> MailMessage {
        guard bytes.count <= limits.maxMessageBytes else {
            throw MailParseError(
                .tooLarge, message: "message of \(bytes.count) bytes exceeds the limit of \(limits.maxMessageBytes)")
        }
        guard bytes.contains(where: { !ASCII.isWhitespace($0) }) else {
            throw MailParseError(.emptyInput, message: "the input is empty")
        }
        var problems: [String] = []
        var start = 0
        // An mbox "From " envelope line, as some MTAs pipe it.
        if bytes.starts(with: Array("From ".utf8)) {
            start = bytes.firstIndex(of: ASCII.lf).map { $0 + 1 } ?? bytes.count
        }
        let section = HeaderSectionParser.parse(
            bytes, in: start..<bytes.count, maxFields: limits.maxHeaderFields, problems: &problems)
        guard section.foundHeaders else {
            throw MailParseError(.noHeaders, message: "the input has no RFC 5322 header section")
        }
        let headers = section.headers

        var collector = BodyCollector()
        collector.problems = problems
        MIMEWalker(bytes: bytes, limits: limits).walk(
            headers: headers, body: section.body, depth: 0, defaultType: .defaultText, inRelated: false,
            into: &collector)

        var unknownCharsets = collector.unknownCharsets
        func decoded(_ name: String) -> String? {
            guard let value = headers[name] else { return nil }
            return EncodedWords.decode(value, unknownCharsets: &unknownCharsets)
        }
        func addresses(_ name: String) -> [MailAddress] {
            headers.values(for: name).flatMap(MailAddress.parseList)
        }
        let returnPath = headers["return-path"].map { value -> String in
            MailAddress.parseList(value).first?.address ?? value.trimmingASCIIWhitespace().lowercased()
        }
        let contentType = headers["content-type"].flatMap(MIMEContentType.init(parsing:)) ?? .defaultText
        let subject = decoded("subject")
        for name in unknownCharsets {
            collector.problems.append("unknown charset \"\(name.prefix(40))\"; decoded as UTF-8 or Latin-1")
        }

        return MailMessage(
            headers: headers,
            from: addresses("from"),
            to: addresses("to"),
            cc: addresses("cc"),
            replyTo: addresses("reply-to"),
            returnPath: returnPath,
            subject: subject,
            date: headers["date"].flatMap(MailDate.parse),
            messageID: headers["message-id"].flatMap { MessageIDList.parse($0).first },
            inReplyTo: headers["in-reply-to"].map(MessageIDList.parse) ?? [],
            references: headers.values(for: "references").flatMap(MessageIDList.parse),
            contentType: contentType,
            textBody: collector.renderedText,
            htmlBody: collector.htmlText,
            attachments: collector.attachments,
            reportType: collector.reportType,
            unknownCharsets: unknownCharsets,
            problems: collector.problems,
            byteCount: bytes.count)
    }
}
