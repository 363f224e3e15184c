import Foundation
import SupportSchema
import SupportStore
import TelegramBotAPI

/// Turns a Bot API webhook update into an ``InboundRequest``.
///
/// Handles `message` (text, photo or document with caption, bot commands), `edited_message` and
/// `callback_query` (the support bot's buttons). Other update kinds, bots, channel posts and group chats
/// are ignored with a reason: the support bot serves people in private chats.
///
/// ```swift
/// let result = try TelegramRequestParser().parse(Array(body))
/// ```
public struct TelegramRequestParser: Sendable {
    /// This bot's username; commands addressed to another bot (`/start@OtherBot`) are plain text.
    public var botUsername: String?

    public init(botUsername: String? = nil) {
        self.botUsername = botUsername
    }

    public func parse(_ raw: [UInt8]) throws(InboundParseError) -> InboundParseResult {
        let update: Update
        do {
            update = try Update(json: Data(raw))
        } catch {
            let detail = error.message
            throw InboundParseError(.malformed, "not a Telegram update: \(detail)")
        }
        switch update.kind {
        case .message:
            return parse(message: update.message!, edited: false)
        case .editedMessage:
            return parse(message: update.editedMessage!, edited: true)
        case .callbackQuery:
            return parse(callback: update.callbackQuery!)
        case .unsupported(let kind):
            return .ignore(reason: "unsupported telegram update kind \(kind)")
        }
    }

    /// The user as a requester identity: the numeric id is the key, `@username` the readable form.
    static func claim(for user: User) -> RequesterIdentityClaim {
        let name = user.fullName.isEmpty ? (user.username.map { "@\($0)" } ?? "telegram \(user.id)") : user.fullName
        let locale = user.languageCode.map { $0.lowercased().hasPrefix("en") ? "en" : "ru" }
        return RequesterIdentityClaim(
            channel: .telegram, externalID: String(user.id), display: user.username.map { "@\($0)" } ?? name,
            displayName: name, locale: locale)
    }

    /// `chat_id:message_id`, the form stored in `message.external_message_id`.
    static func externalID(chat: Int64, message: Int) -> String { "\(chat):\(message)" }

    private func parse(message: Message, edited: Bool) -> InboundParseResult {
        guard let user = message.from else { return .ignore(reason: "telegram message without a sender (channel post)") }
        guard !user.isBot else { return .ignore(reason: "telegram message from a bot") }
        guard message.chat.isPrivate else {
            return .ignore(reason: "telegram message in a \(message.chat.type) chat; the bot serves private chats only")
        }
        let text = message.textOrCaption ?? ""
        let attachments = message.attachments.map { file in
            MessageAttachment(
                name: file.fileName, contentType: file.mimeType, size: file.fileSize, ref: file.fileID,
                kind: file.kind.rawValue, uniqueRef: file.fileUniqueID)
        }
        let externalID = Self.externalID(chat: message.chat.id, message: message.messageID)
        var request = InboundRequest(
            channel: .telegram, requester: Self.claim(for: user), replyRoute: .telegram(chatID: message.chat.id),
            body: text, attachments: attachments, externalMessageID: externalID,
            thread: ThreadHints(references: message.replyToMessage.map {
                [Self.externalID(chat: $0.chat.id, message: $0.messageID)]
            } ?? [])
        )
        if edited {
            request.intent = .edited(originalMessageID: externalID)
        } else if let command = BotCommand.parse(message: message, botUsername: botUsername) {
            apply(command, to: &request)
        }
        guard request.hasContent || request.intent != .message else {
            return .ignore(reason: "telegram message without text or attachments (sticker, contact, …)")
        }
        return .request(request)
    }

    private func apply(_ command: BotCommand, to request: inout InboundRequest) {
        switch command {
        case .start(let payload):
            request.intent = .start(payload: payload)
        case .new(let subject):
            request.intent = .newTicket
            request.body = subject ?? ""
        case .status(let number):
            request.intent = .status(ticketNumber: number)
        case .operator(let note):
            request.intent = .handover(ticketID: nil)
            request.body = note ?? ""
        case .rate(let score, let comment):
            request.intent = .rate(score: score, comment: comment, ticketID: nil)
        case .unknown(let name, _) where name == "help":
            request.intent = .start(payload: nil)
        case .unknown:
            // Someone typing "/something": keep their words as an ordinary message rather than lose them.
            request.intent = .message
        }
    }

    private func parse(callback: CallbackQuery) -> InboundParseResult {
        guard !callback.from.isBot else { return .ignore(reason: "telegram callback from a bot") }
        guard let data = callback.data, let action = SupportCallbackData(callbackData: data) else {
            return .ignore(reason: "telegram callback with unknown data")
        }
        let chatID = callback.message?.chat.id ?? callback.from.id
        var request = InboundRequest(
            channel: .telegram, requester: Self.claim(for: callback.from), replyRoute: .telegram(chatID: chatID),
            body: "", externalMessageID: nil)
        switch action {
        case .callOperator(let ticketID):
            request.intent = .handover(ticketID: TicketID(ticketID))
        case .rate(let ticketID, let score):
            request.intent = .rate(score: score, comment: nil, ticketID: TicketID(ticketID))
        case .helped(let ticketID):
            request.intent = .helped(ticketID: TicketID(ticketID))
        }
        return .request(request)
    }
}
