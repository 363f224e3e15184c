@testable import Notifications
import Testing
import TelegramBotAPI

/// The FAQ bot's answer and the rating request carry their buttons to Telegram through the notification payload.
struct BotAnswerKeyboardTests {
    @Test func helpedOrOperatorButtonsComeFromThePayload() throws {
        let keyboard = try #require(TelegramSender.keyboard([
            "keyboard": "helped_or_operator", "ticket_id": "42", "helped_title": "Помогло", "operator_title": "Позвать оператора",
        ]))
        #expect(keyboard == .helpedOrOperator(ticketID: 42, helpedTitle: "Помогло", operatorTitle: "Позвать оператора"))
        #expect(keyboard.inlineKeyboard[0].map(\.callbackData) == ["helped:42", "operator:42"])
        #expect(TelegramSender.keyboard(["text": "plain"]) == nil)
        #expect(TelegramSender.keyboard(["keyboard": "helped_or_operator", "ticket_id": "x"]) == nil)
    }

    @Test func theRatingRequestCarriesTheScoresOneToFive() throws {
        let keyboard = try #require(TelegramSender.keyboard(["keyboard": "csat_scores", "ticket_id": "42"]))
        #expect(keyboard.inlineKeyboard[0].map(\.callbackData) == ["csat:42:1", "csat:42:2", "csat:42:3", "csat:42:4", "csat:42:5"])
    }
}
