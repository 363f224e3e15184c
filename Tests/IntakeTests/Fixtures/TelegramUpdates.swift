import Foundation

/// Bot API webhook bodies built the way Telegram sends them, varied per test.
enum TelegramUpdates {
    /// A JSON string literal for `text`.
    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    static func user(_ id: Int64, first: String = "Anna", username: String? = "anna", language: String = "ru") -> String {
        let name = username.map { #","username":"\#($0)""# } ?? ""
        return #"{"id":\#(id),"is_bot":false,"first_name":"\#(first)"\#(name),"language_code":"\#(language)"}"#
    }

    static func messageBody(
        user: Int64, messageID: Int, text: String?, caption: String? = nil, extra: String = "", replyTo: Int? = nil,
        chatType: String = "private", editDate: Int? = nil
    ) -> String {
        var fields = [
            #""message_id":\#(messageID)"#, #""from":\#(Self.user(user))"#,
            #""chat":{"id":\#(user),"type":"\#(chatType)"}"#, #""date":1717398900"#,
        ]
        if let text { fields.append(#""text":\#(quoted(text))"#) }
        if let caption { fields.append(#""caption":\#(quoted(caption))"#) }
        if let editDate { fields.append(#""edit_date":\#(editDate)"#) }
        if let replyTo {
            fields.append(
                #""reply_to_message":{"message_id":\#(replyTo),"from":{"id":777,"is_bot":true,"first_name":"HelpDeskBot"},"chat":{"id":\#(user),"type":"private"},"date":1717398000,"text":"ok"}"#
            )
        }
        if !extra.isEmpty { fields.append(extra) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func text(update: Int64, user: Int64 = 42, messageID: Int = 1, _ text: String, replyTo: Int? = nil,
                     chatType: String = "private") -> [UInt8]
    {
        let message = messageBody(user: user, messageID: messageID, text: text, replyTo: replyTo, chatType: chatType)
        return Array(#"{"update_id":\#(update),"message":\#(message)}"#.utf8)
    }

    static func edited(update: Int64, user: Int64 = 42, messageID: Int, _ text: String) -> [UInt8] {
        let message = messageBody(user: user, messageID: messageID, text: text, editDate: 1717399000)
        return Array(#"{"update_id":\#(update),"edited_message":\#(message)}"#.utf8)
    }

    static func photo(update: Int64, user: Int64 = 42, messageID: Int = 3, caption: String?) -> [UInt8] {
        let photo = #""photo":[{"file_id":"small-id","file_unique_id":"small-u","file_size":1380,"width":90,"height":51},{"file_id":"large-id","file_unique_id":"large-u","file_size":98012,"width":1280,"height":720}]"#
        let message = messageBody(user: user, messageID: messageID, text: nil, caption: caption, extra: photo)
        return Array(#"{"update_id":\#(update),"message":\#(message)}"#.utf8)
    }

    static func document(update: Int64, user: Int64 = 42, messageID: Int = 4) -> [UInt8] {
        let document = #""document":{"file_name":"statement.pdf","mime_type":"application/pdf","file_id":"doc-id","file_unique_id":"doc-u","file_size":183004}"#
        let message = messageBody(user: user, messageID: messageID, text: nil, extra: document)
        return Array(#"{"update_id":\#(update),"message":\#(message)}"#.utf8)
    }

    static func callback(update: Int64, user: Int64 = 42, data: String) -> [UInt8] {
        let message = #"{"message_id":900,"from":{"id":777,"is_bot":true,"first_name":"HelpDeskBot"},"chat":{"id":\#(user),"type":"private"},"date":1717398000,"text":"How did we do?"}"#
        return Array(
            #"{"update_id":\#(update),"callback_query":{"id":"cb\#(update)","from":\#(Self.user(user)),"message":\#(message),"chat_instance":"1","data":\#(quoted(data))}}"#
                .utf8)
    }

    static func unsupported(update: Int64) -> [UInt8] {
        Array(#"{"update_id":\#(update),"my_chat_member":{"chat":{"id":42,"type":"private"}}}"#.utf8)
    }
}
