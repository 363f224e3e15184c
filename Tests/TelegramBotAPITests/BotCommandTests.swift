import Foundation
import Testing

@testable import TelegramBotAPI

/// Command parsing: names, bot suffixes, arguments.
struct BotCommandTests {
    @Test(arguments: [
        ("/start", BotCommand.start(payload: nil)),
        ("/start ref_abc123", .start(payload: "ref_abc123")),
        ("/new", .new(subject: nil)),
        ("/new  Не приходит код  ", .new(subject: "Не приходит код")),
        ("/status", .status(ticketNumber: nil)),
        ("/status #1042", .status(ticketNumber: 1042)),
        ("/status 1042", .status(ticketNumber: 1042)),
        ("/status [#77]", .status(ticketNumber: 77)),
        ("/status abc", .status(ticketNumber: nil)),
        ("/operator", .operator(note: nil)),
        ("/operator срочно!", .operator(note: "срочно!")),
        ("/rate", .rate(score: nil, comment: nil)),
        ("/rate 5", .rate(score: 5, comment: nil)),
        ("/rate 5 great", .rate(score: 5, comment: "great")),
        ("/rate 4/5 ok\nthanks", .rate(score: 4, comment: "ok\nthanks")),
        ("/rate 9 wow", .rate(score: nil, comment: "9 wow")),
        ("/rate отлично", .rate(score: nil, comment: "отлично")),
        ("/START", .start(payload: nil)),
        ("/help me", .unknown(name: "help", arguments: "me")),
        ("  /new", .new(subject: nil)),
    ])
    func parses(text: String, expected: BotCommand) {
        #expect(BotCommand.parse(text: text) == expected)
    }

    @Test(arguments: ["hello", "", "/", "/ new", "/@Bot", "//x", "/команда", "text /start"])
    func notACommand(text: String) {
        #expect(BotCommand.parse(text: text) == nil)
    }

    @Test func botNameSuffix() {
        #expect(BotCommand.parse(text: "/rate@HelpDeskBot 5 great", botUsername: "helpdeskbot")
            == .rate(score: 5, comment: "great"))
        #expect(BotCommand.parse(text: "/start@HelpDeskBot", botUsername: "@HelpDeskBot") == .start(payload: nil))
        #expect(BotCommand.parse(text: "/start@OtherBot", botUsername: "HelpDeskBot") == nil)
        #expect(BotCommand.parse(text: "/start@OtherBot") == .start(payload: nil))
    }

    @Test func fromMessage() throws {
        let update = try Update(json: UpdateSamples.command)
        let message = try #require(update.message)
        #expect(BotCommand.parse(message: message, botUsername: "HelpDeskBot") == .rate(score: 5, comment: "great"))
        let entity = try #require(message.leadingCommandEntity)
        #expect(message.text(of: entity) == "/rate@HelpDeskBot")
        #expect(message.chat.id == -1_001_234_567_890)
    }

    @Test func entityOffsetsAreUTF16() {
        let message = Message(
            messageID: 1, chat: Chat(id: 1), date: 0, text: "💳 /status",
            entities: [MessageEntity(type: "bot_command", offset: 3, length: 7)])
        #expect(message.text(of: message.entities![0]) == "/status")
        #expect(message.text(of: MessageEntity(type: "bold", offset: 5, length: 100)) == nil)
        #expect(message.text(of: MessageEntity(type: "bold", offset: -1, length: 1)) == nil)
    }
}
