import SupportSchema

/// Chooses the channel's parser for a raw item. Pure: the handler calls it inside its transaction, the
/// tests call it on byte arrays.
///
/// ```swift
/// switch try InboundParser().parse(channel: .email, raw: bytes) {
/// case .request(let request): …
/// case .ignore(let reason): …
/// }
/// ```
public struct InboundParser: Sendable {
    public var telegram: TelegramRequestParser
    public var mail: MailRequestParser
    public var structured: StructuredRequestParser

    public init(
        telegram: TelegramRequestParser = TelegramRequestParser(), mail: MailRequestParser = MailRequestParser(),
        structured: StructuredRequestParser = StructuredRequestParser()
    ) {
        self.telegram = telegram
        self.mail = mail
        self.structured = structured
    }

    public func parse(channel: SupportChannel, raw: [UInt8]) throws(InboundParseError) -> InboundParseResult {
        switch try parseChannel(channel, raw: raw) {
        case .request(let request): .request(request.removingNULs())
        case .ignore(let reason): .ignore(reason: reason)
        }
    }

    private func parseChannel(_ channel: SupportChannel, raw: [UInt8]) throws(InboundParseError) -> InboundParseResult {
        switch channel {
        case .telegram: try telegram.parse(raw)
        case .email: try mail.parse(raw)
        case .web, .chat, .api, .phone: try structured.parse(raw, channel: channel)
        case .social: .ignore(reason: "the social channel has no intake parser yet")
        }
    }
}
