import Foundation

/// Webhook bodies as Telegram sends them (trimmed to realistic fields, including ones this module ignores).
enum UpdateSamples {
    static let textMessage = Data("""
        {"update_id":918273645,
         "message":{"message_id":101,
           "from":{"id":5123456789,"is_bot":false,"first_name":"Иван","last_name":"Петров","username":"ivanp","language_code":"ru"},
           "chat":{"id":5123456789,"first_name":"Иван","last_name":"Петров","username":"ivanp","type":"private"},
           "date":1717398900,"text":"Не проходит оплата картой 💳"}}
        """.utf8)

    static let command = Data("""
        {"update_id":918273646,
         "message":{"message_id":102,"from":{"id":42,"is_bot":false,"first_name":"Anna"},
           "chat":{"id":-1001234567890,"title":"Support group","type":"supergroup"},"date":1717398901,
           "text":"/rate@HelpDeskBot 5 great","entities":[{"offset":0,"length":17,"type":"bot_command"}]}}
        """.utf8)

    static let photoWithCaption = Data("""
        {"update_id":918273647,
         "message":{"message_id":103,"from":{"id":42,"is_bot":false,"first_name":"Anna"},
           "chat":{"id":42,"first_name":"Anna","type":"private"},"date":1717398902,
           "photo":[
             {"file_id":"AgACAgIAAxkBAAIBsmZ-small","file_unique_id":"AQADsmall","file_size":1380,"width":90,"height":51},
             {"file_id":"AgACAgIAAxkBAAIBsmZ-medium","file_unique_id":"AQADmedium","file_size":20450,"width":320,"height":180},
             {"file_id":"AgACAgIAAxkBAAIBsmZ-large","file_unique_id":"AQADlarge","file_size":98012,"width":1280,"height":720}],
           "caption":"Ошибка на экране оплаты","caption_entities":[{"offset":0,"length":6,"type":"bold"}],
           "media_group_id":"13710948571"}}
        """.utf8)

    static let document = Data("""
        {"update_id":918273648,
         "message":{"message_id":104,"from":{"id":42,"is_bot":false,"first_name":"Anna"},
           "chat":{"id":42,"type":"private"},"date":1717398903,
           "document":{"file_name":"выписка.pdf","mime_type":"application/pdf",
             "thumbnail":{"file_id":"thumb","file_unique_id":"thumbU","file_size":900,"width":200,"height":320},
             "file_id":"BQACAgIAAxkBAAIBs2Z-doc","file_unique_id":"AgADdoc","file_size":183004},
           "reply_to_message":{"message_id":99,"from":{"id":777,"is_bot":true,"first_name":"HelpDeskBot","username":"HelpDeskBot"},
             "chat":{"id":42,"type":"private"},"date":1717398000,"text":"Пришлите, пожалуйста, выписку"}}}
        """.utf8)

    static let editedMessage = Data("""
        {"update_id":918273649,
         "edited_message":{"message_id":101,"from":{"id":42,"is_bot":false,"first_name":"Anna"},
           "chat":{"id":42,"type":"private"},"date":1717398900,"edit_date":1717398960,"text":"Не проходит оплата (исправлено)"}}
        """.utf8)

    static let callbackQuery = Data("""
        {"update_id":918273650,
         "callback_query":{"id":"4382bfdwdsb323b2d9","from":{"id":42,"is_bot":false,"first_name":"Anna"},
           "message":{"message_id":120,"from":{"id":777,"is_bot":true,"first_name":"HelpDeskBot"},
             "chat":{"id":42,"type":"private"},"date":1717399000,"text":"Как мы справились?",
             "reply_markup":{"inline_keyboard":[[{"text":"5","callback_data":"csat:1042:5"}]]}},
           "chat_instance":"-7338957120345678901","data":"csat:1042:5"}}
        """.utf8)

    static let myChatMember = Data("""
        {"update_id":918273651,
         "my_chat_member":{"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"Anna"},
           "date":1717399100,"old_chat_member":{"status":"member","user":{"id":777,"is_bot":true,"first_name":"HelpDeskBot"}},
           "new_chat_member":{"status":"kicked","until_date":0,"user":{"id":777,"is_bot":true,"first_name":"HelpDeskBot"}}}}
        """.utf8)
}
