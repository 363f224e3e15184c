extension Message {
    /// ``text`` or, for media, ``caption``: what the user wrote.
    public var textOrCaption: String? { text ?? caption }

    /// The substring an entity covers, honouring the Bot API's UTF-16 offsets; `nil` when out of range.
    public func text(of entity: MessageEntity) -> String? {
        let isCaptionEntity = text == nil && (captionEntities ?? []).contains(entity)
        guard let source = isCaptionEntity ? caption : text else { return nil }
        let units = Array(source.utf16)
        guard entity.offset >= 0, entity.length >= 0, entity.offset <= units.count,
            entity.length <= units.count - entity.offset
        else { return nil }
        return String(decoding: units[entity.offset..<(entity.offset + entity.length)], as: UTF16.self)
    }

    /// The `bot_command` entity at the very start of the text, if the message is a command.
    public var leadingCommandEntity: MessageEntity? {
        (entities ?? []).first { $0.isBotCommand && $0.offset == 0 }
    }
}
