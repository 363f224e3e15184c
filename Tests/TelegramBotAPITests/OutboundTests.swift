import Foundation
import Testing

@testable import TelegramBotAPI

/// Requests encode to the exact Bot API JSON; responses decode with errors surfaced.
struct OutboundTests {
    private func json(_ request: some BotAPIRequest) throws -> String {
        String(decoding: try request.jsonBody(), as: UTF8.self)
    }

    @Test func sendMessageWithHelpedOrOperatorKeyboard() throws {
        let request = SendMessageRequest(
            chatID: 5_123_456_789, text: "Попробуйте очистить кэш.", parseMode: .html,
            replyMarkup: .helpedOrOperator(ticketID: 1042, helpedTitle: "Помогло", operatorTitle: "Позвать оператора"),
            replyToMessageID: 101)
        #expect(try json(request) == """
            {"chat_id":5123456789,"parse_mode":"HTML","reply_markup":{"inline_keyboard":[[\
            {"callback_data":"helped:1042","text":"Помогло"},\
            {"callback_data":"operator:1042","text":"Позвать оператора"}]]},\
            "reply_to_message_id":101,"text":"Попробуйте очистить кэш."}
            """)
    }

    @Test func sendMessageMinimalAndCSATKeyboard() throws {
        #expect(try json(SendMessageRequest(chatID: -100, text: "a/b")) == #"{"chat_id":-100,"text":"a/b"}"#)
        let csat = SendMessageRequest(chatID: 42, text: "Rate us", replyMarkup: .satisfactionScores(ticketID: 7))
        #expect(try json(csat) == """
            {"chat_id":42,"reply_markup":{"inline_keyboard":[[\
            {"callback_data":"csat:7:1","text":"1"},{"callback_data":"csat:7:2","text":"2"},\
            {"callback_data":"csat:7:3","text":"3"},{"callback_data":"csat:7:4","text":"4"},\
            {"callback_data":"csat:7:5","text":"5"}]]},"text":"Rate us"}
            """)
    }

    @Test func urlButtonAndAnswerCallbackQuery() throws {
        let markup = InlineKeyboardMarkup([[InlineKeyboardButton(text: "Portal", url: "https://help.example.com/t/7")]])
        let data = try JSONEncoder().encode(markup)
        #expect(String(decoding: data, as: UTF8.self).contains(#""url":"https:\/\/help.example.com\/t\/7""#))
        let answer = AnswerCallbackQueryRequest(callbackQueryID: "4382bfdwdsb323b2d9", text: "Спасибо за оценку!")
        #expect(try json(answer) == #"{"callback_query_id":"4382bfdwdsb323b2d9","text":"Спасибо за оценку!"}"#)
        #expect(AnswerCallbackQueryRequest.methodName == "answerCallbackQuery")
    }

    @Test func methodURL() throws {
        let base = try #require(URL(string: "http://127.0.0.1:8081"))
        #expect(SendMessageRequest.url(baseURL: base, token: "123:ABC").absoluteString
            == "http://127.0.0.1:8081/bot123:ABC/sendMessage")
    }

    @Test func callbackDataRoundTripAndForgery() {
        let all: [SupportCallbackData] = [.helped(ticketID: 1), .callOperator(ticketID: 9_000_000_000), .rate(ticketID: 3, score: 1)]
        for action in all {
            #expect(SupportCallbackData(callbackData: action.callbackData) == action)
            #expect(action.callbackData.utf8.count <= 64)
        }
        for forged in ["", "csat:1:6", "csat:1:0", "csat:1", "helped:", "helped:-1", "helped:1:2", "drop:1", "csat:x:1"] {
            #expect(SupportCallbackData(callbackData: forged) == nil, "\(forged)")
        }
    }

    @Test func responseSuccess() throws {
        let body = Data(#"{"ok":true,"result":{"message_id":555,"chat":{"id":42,"type":"private"},"date":1717399000,"text":"hi"}}"#.utf8)
        let response = try TelegramJSON.decode(BotAPIResponse<Message>.self, from: body)
        #expect(try response.get().messageID == 555)
        let bool = try TelegramJSON.decode(BotAPIResponse<Bool>.self, from: Data(#"{"ok":true,"result":true}"#.utf8))
        #expect(try bool.get())
    }

    @Test func responseErrors() throws {
        let flood = Data(#"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 14","parameters":{"retry_after":14}}"#.utf8)
        let response = try TelegramJSON.decode(BotAPIResponse<Message>.self, from: flood)
        #expect(response.parameters?.retryAfter == 14)
        do {
            _ = try response.get()
            Issue.record("expected an error")
        } catch {
            #expect(error == BotAPIError(errorCode: 429, description: "Too Many Requests: retry after 14", retryAfter: 14))
            #expect(error.isRetryable)
        }
        let blocked = Data(#"{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}"#.utf8)
        #expect(throws: BotAPIError.self) { try TelegramJSON.decode(BotAPIResponse<Message>.self, from: blocked).get() }
    }
}
