/// Walks the MIME tree of one message, depth- and count-bounded, feeding a ``BodyCollector``.
///
/// Text parts become body segments, everything else becomes ``MailAttachment`` metadata. Every branch is
/// best effort: structural damage is written to `problems` and the walk goes on.
struct MIMEWalker {
    let bytes: [UInt8]
    let limits: MailParseLimits

    func walk(
        headers: MailHeaders, body: Range<Int>, depth: Int, defaultType: MIMEContentType, inRelated: Bool,
        into collector: inout BodyCollector
    ) {
        collector.partCount += 1
        guard collector.partCount <= limits.maxParts else {
            if collector.partCount == limits.maxParts + 1 {
                collector.problems.append("more than \(limits.maxParts) MIME parts; the rest are ignored")
            }
            return
        }
        var unknown: [String] = []
        var contentType = defaultType
        if let header = headers["content-type"] {
            if let parsed = MIMEContentType(parsing: header, unknownCharsets: &unknown) {
                contentType = parsed
            } else {
                collector.problems.append("unparsable Content-Type; treated as \(defaultType.mimeType)")
            }
        }
        unknown.forEach { collector.noteUnknownCharset($0) }

        if contentType.isMultipart {
            walkMultipart(contentType, headers: headers, body: body, depth: depth, into: &collector)
        } else {
            walkLeaf(contentType, headers: headers, body: body, inRelated: inRelated, into: &collector)
        }
    }

    private func walkMultipart(
        _ contentType: MIMEContentType, headers: MailHeaders, body: Range<Int>, depth: Int,
        into collector: inout BodyCollector
    ) {
        guard depth < limits.maxNestingDepth else {
            collector.problems.append("MIME nesting deeper than \(limits.maxNestingDepth); inner parts skipped")
            return
        }
        var boundary = contentType.boundary.flatMap { $0.isEmpty || $0.utf8.count > 200 ? nil : $0 }
        if boundary == nil {
            boundary = MultipartSplitter.guessBoundary(bytes, body: body)
            collector.problems.append(
                boundary == nil
                    ? "\(contentType.mimeType) without a boundary; body kept as text"
                    : "\(contentType.mimeType) without a boundary parameter; boundary guessed from the body")
        }
        guard let boundary else {
            walkLeaf(.defaultText, headers: MailHeaders(), body: body, inRelated: false, into: &collector)
            return
        }
        let split = MultipartSplitter.split(bytes, body: body, boundary: boundary)
        if split.parts.isEmpty {
            collector.problems.append("multipart boundary never appears in the body; body kept as text")
            walkLeaf(.defaultText, headers: MailHeaders(), body: body, inRelated: false, into: &collector)
            return
        }
        if !split.terminated {
            collector.problems.append("multipart \(contentType.subtype) is not terminated; last part runs to the end")
        }
        if contentType.subtype == "report", collector.reportType == nil {
            collector.reportType = contentType.parameters["report-type"]?.lowercased() ?? ""
        }
        let childDefault: MIMEContentType = contentType.subtype == "digest" ? .messageRFC822 : .defaultText
        let related = contentType.subtype == "related"

        var children: [(headers: MailHeaders, body: Range<Int>)] = []
        for part in split.parts {
            let section = HeaderSectionParser.parse(
                bytes, in: part, maxFields: limits.maxHeaderFields, problems: &collector.problems)
            children.append((section.headers, section.body))
        }

        guard contentType.subtype == "alternative" else {
            for child in children {
                walk(headers: child.headers, body: child.body, depth: depth + 1, defaultType: childDefault,
                     inRelated: related, into: &collector)
            }
            return
        }
        // multipart/alternative: plain text from the first branch that has it, HTML from the last one.
        var plain: String?
        var html: String?
        for child in children {
            var branch = collector.branch()
            walk(headers: child.headers, body: child.body, depth: depth + 1, defaultType: childDefault,
                 inRelated: false, into: &branch)
            if plain == nil { plain = branch.plainText }
            if let branchHTML = branch.htmlText { html = branchHTML }
            collector.absorb(branch)
        }
        if plain != nil || html != nil { collector.segments.append(.init(plain: plain, html: html)) }
    }

    private func walkLeaf(
        _ contentType: MIMEContentType, headers: MailHeaders, body: Range<Int>, inRelated: Bool,
        into collector: inout BodyCollector
    ) {
        var unknown: [String] = []
        let disposition = headers["content-disposition"].flatMap {
            MIMEContentDisposition(parsing: $0, unknownCharsets: &unknown)
        }
        unknown.forEach { collector.noteUnknownCharset($0) }
        let decoded = TransferDecoding.decode(
            bytes[body], encoding: headers["content-transfer-encoding"], problems: &collector.problems)
        let filename = disposition?.filename ?? contentType.name.flatMap { $0.isEmpty ? nil : $0 }

        let isBodyText = contentType.isText && (contentType.subtype == "plain" || contentType.subtype == "html")
            && disposition?.isAttachment != true && filename == nil
        if isBodyText {
            let text = decodeText(decoded, charset: contentType.charset, into: &collector)
            if contentType.subtype == "html" {
                collector.segments.append(.init(plain: nil, html: text))
            } else {
                collector.segments.append(.init(plain: text, html: nil))
            }
            return
        }
        let contentID = headers["content-id"].flatMap { value -> String? in
            let id = MessageIDList.parse(value).first ?? value.trimmingASCIIWhitespace()
            return id.isEmpty ? nil : id
        }
        let isInline = disposition?.isInline ?? (inRelated || contentID != nil)
        collector.attachments.append(
            MailAttachment(
                filename: filename, contentType: contentType.mimeType, size: decoded.count, contentID: contentID,
                isInline: isInline, leadingBytes: Array(decoded.prefix(16))))
    }

    /// Decodes text in its declared charset with line endings normalised to `\n`.
    private func decodeText(_ bytes: [UInt8], charset: String?, into collector: inout BodyCollector) -> String {
        var normalized: [UInt8] = []
        normalized.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.cr {
                normalized.append(ASCII.lf)
                if index + 1 < bytes.count, bytes[index + 1] == ASCII.lf { index += 1 }
            } else {
                normalized.append(byte)
            }
            index += 1
        }
        guard let charset, !charset.isEmpty else { return MailCharset.decodeUnknown(normalized) }
        if let known = MailCharset(name: charset) { return known.decode(normalized) }
        collector.noteUnknownCharset(charset.lowercased())
        return MailCharset.decodeUnknown(normalized)
    }
}
