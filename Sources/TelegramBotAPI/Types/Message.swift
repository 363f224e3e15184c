/// A message in a chat: text, or a photo/document with an optional caption, possibly replying to another.
///
/// Only the fields the support intake uses are modelled; unknown fields are ignored when decoding, so new Bot API
/// fields never break the webhook.
public struct Message: Codable, Sendable, Hashable {
    /// Unique within the chat; use it for `reply_to_message_id`.
    public let messageID: Int
    /// The sender; absent for messages sent on behalf of channels.
    public let from: User?
    public let chat: Chat
    /// Unix time the message was sent.
    public let date: Int
    /// Unix time of the last edit, set on `edited_message`.
    public let editDate: Int?
    public let text: String?
    /// Caption of a photo or document.
    public let caption: String?
    /// Entities in ``text`` (bot commands, links…).
    public let entities: [MessageEntity]?
    /// Entities in ``caption``.
    public let captionEntities: [MessageEntity]?
    /// Available sizes of a photo, smallest first.
    public let photo: [PhotoSize]?
    public let document: Document?
    public let contact: Contact?
    /// Boxed because a struct cannot contain itself.
    private let replyBox: ReplyBox?

    /// The message this one replies to (one level; Telegram does not nest further).
    public var replyToMessage: Message? { replyBox?.message }

    public init(
        messageID: Int, from: User? = nil, chat: Chat, date: Int, editDate: Int? = nil, text: String? = nil,
        caption: String? = nil, entities: [MessageEntity]? = nil, captionEntities: [MessageEntity]? = nil,
        photo: [PhotoSize]? = nil, document: Document? = nil, contact: Contact? = nil, replyToMessage: Message? = nil
    ) {
        self.messageID = messageID
        self.from = from
        self.chat = chat
        self.date = date
        self.editDate = editDate
        self.text = text
        self.caption = caption
        self.entities = entities
        self.captionEntities = captionEntities
        self.photo = photo
        self.document = document
        self.contact = contact
        self.replyBox = replyToMessage.map(ReplyBox.init)
    }

    enum CodingKeys: String, CodingKey {
        case messageID = "message_id"
        case from, chat, date
        case editDate = "edit_date"
        case text, caption, entities
        case captionEntities = "caption_entities"
        case photo, document, contact
        case replyToMessage = "reply_to_message"
    }

    /// Nested replies deeper than this are dropped, so hostile JSON cannot recurse without bound.
    static let maxReplyDepth = 4

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        messageID = try container.decode(Int.self, forKey: .messageID)
        from = try container.decodeIfPresent(User.self, forKey: .from)
        chat = try container.decode(Chat.self, forKey: .chat)
        date = try container.decode(Int.self, forKey: .date)
        editDate = try container.decodeIfPresent(Int.self, forKey: .editDate)
        text = try container.decodeIfPresent(String.self, forKey: .text)
        caption = try container.decodeIfPresent(String.self, forKey: .caption)
        entities = try container.decodeIfPresent([MessageEntity].self, forKey: .entities)
        captionEntities = try container.decodeIfPresent([MessageEntity].self, forKey: .captionEntities)
        photo = try container.decodeIfPresent([PhotoSize].self, forKey: .photo)
        document = try container.decodeIfPresent(Document.self, forKey: .document)
        contact = try container.decodeIfPresent(Contact.self, forKey: .contact)
        let depth = decoder.codingPath.filter { $0.stringValue == CodingKeys.replyToMessage.rawValue }.count
        if depth < Self.maxReplyDepth {
            replyBox = try container.decodeIfPresent(Message.self, forKey: .replyToMessage).map(ReplyBox.init)
        } else {
            replyBox = nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(messageID, forKey: .messageID)
        try container.encodeIfPresent(from, forKey: .from)
        try container.encode(chat, forKey: .chat)
        try container.encode(date, forKey: .date)
        try container.encodeIfPresent(editDate, forKey: .editDate)
        try container.encodeIfPresent(text, forKey: .text)
        try container.encodeIfPresent(caption, forKey: .caption)
        try container.encodeIfPresent(entities, forKey: .entities)
        try container.encodeIfPresent(captionEntities, forKey: .captionEntities)
        try container.encodeIfPresent(photo, forKey: .photo)
        try container.encodeIfPresent(document, forKey: .document)
        try container.encodeIfPresent(contact, forKey: .contact)
        try container.encodeIfPresent(replyToMessage, forKey: .replyToMessage)
    }
}

/// Heap storage for ``Message/replyToMessage``.
private final class ReplyBox: Sendable, Hashable {
    let message: Message

    init(_ message: Message) {
        self.message = message
    }

    static func == (lhs: ReplyBox, rhs: ReplyBox) -> Bool { lhs.message == rhs.message }
    func hash(into hasher: inout Hasher) { hasher.combine(message) }
}
