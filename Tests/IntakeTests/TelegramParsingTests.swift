import Foundation
@testable import Intake
import SupportSchema
import SupportStore
import Testing

/// Every Telegram update kind the bot handles, parsed without a database.
struct TelegramParsingTests {
    let parser = TelegramRequestParser(botUsername: "HelpDeskBot")

    func request(_ raw: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> InboundRequest {
        guard case .request(let request) = try parser.parse(raw) else {
            Issue.record("expected a request", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        return request
    }

    @Test func textMessage() throws {
        let r = try request(TelegramUpdates.text(update: 1, user: 5_123_456_789, messageID: 101, "Не проходит оплата\nподробности"))
        #expect(r.channel == .telegram)
        #expect(r.requester.channel == .telegram && r.requester.externalID == "5123456789")
        #expect(r.requester.display == "@anna" && r.requester.displayName == "Anna" && r.requester.locale == "ru")
        #expect(r.body == "Не проходит оплата\nподробности")
        #expect(r.externalMessageID == "5123456789:101")
        #expect(r.replyRoute == .telegram(chatID: 5_123_456_789))
        #expect(r.intent == .message && r.attachments.isEmpty && r.thread.isEmpty)
    }

    @Test func replyToABotMessageIsAThreadHint() throws {
        let r = try request(TelegramUpdates.text(update: 1, messageID: 5, "here it is", replyTo: 4))
        #expect(r.thread.references == ["42:4"])
    }

    @Test func photoWithCaptionKeepsTheLargestFileID() throws {
        let r = try request(TelegramUpdates.photo(update: 2, caption: "Ошибка на экране"))
        #expect(r.body == "Ошибка на экране")
        #expect(r.attachments == [
            MessageAttachment(name: nil, contentType: "image/jpeg", size: 98012, ref: "large-id", kind: "photo", uniqueRef: "large-u")
        ])
    }

    @Test func photoWithoutCaptionIsStillAMessage() throws {
        let r = try request(TelegramUpdates.photo(update: 2, caption: nil))
        #expect(r.body.isEmpty && r.attachments.count == 1 && r.hasContent)
    }

    @Test func document() throws {
        let r = try request(TelegramUpdates.document(update: 3))
        #expect(r.attachments.first?.ref == "doc-id")
        #expect(r.attachments.first?.name == "statement.pdf" && r.attachments.first?.contentType == "application/pdf")
        #expect(r.attachments.first?.kind == "document" && r.attachments.first?.size == 183004)
    }

    @Test func editedMessagePointsAtTheOriginal() throws {
        let r = try request(TelegramUpdates.edited(update: 4, messageID: 7, "corrected text"))
        #expect(r.intent == .edited(originalMessageID: "42:7"))
        #expect(r.body == "corrected text")
    }

    @Test(arguments: [
        ("/start", InboundIntent.start(payload: nil)),
        ("/start deal-77", .start(payload: "deal-77")),
        ("/help", .start(payload: nil)),
        ("/new", .newTicket),
        ("/new Refund please", .newTicket),
        ("/status", .status(ticketNumber: nil)),
        ("/status #1042", .status(ticketNumber: 1042)),
        ("/operator", .handover(ticketID: nil)),
        ("/operator@HelpDeskBot urgent", .handover(ticketID: nil)),
        ("/rate 5 great support", .rate(score: 5, comment: "great support", ticketID: nil)),
        ("/rate 9", .rate(score: nil, comment: "9", ticketID: nil)),
        ("/frobnicate now", .message),
    ])
    func commands(text: String, intent: InboundIntent) throws {
        let r = try request(TelegramUpdates.text(update: 5, text))
        #expect(r.intent == intent)
    }

    @Test func commandArgumentsBecomeTheBody() throws {
        #expect(try request(TelegramUpdates.text(update: 6, "/new Refund please")).body == "Refund please")
        #expect(try request(TelegramUpdates.text(update: 6, "/operator urgent")).body == "urgent")
        #expect(try request(TelegramUpdates.text(update: 6, "/frobnicate now")).body == "/frobnicate now")
    }

    @Test func commandForAnotherBotIsPlainText() throws {
        let r = try request(TelegramUpdates.text(update: 7, "/status@OtherBot"))
        #expect(r.intent == .message)
    }

    @Test func callbackButtons() throws {
        #expect(try request(TelegramUpdates.callback(update: 8, data: "operator:15")).intent == .handover(ticketID: 15))
        #expect(try request(TelegramUpdates.callback(update: 9, data: "csat:15:4")).intent
            == .rate(score: 4, comment: nil, ticketID: 15))
        #expect(try request(TelegramUpdates.callback(update: 10, data: "helped:15")).intent == .helped(ticketID: 15))
        #expect(try request(TelegramUpdates.callback(update: 10, data: "csat:15:4")).replyRoute == .telegram(chatID: 42))
    }

    @Test func ignoredUpdatesSayWhy() throws {
        let cases: [([UInt8], String)] = [
            (TelegramUpdates.unsupported(update: 11), "my_chat_member"),
            (TelegramUpdates.callback(update: 12, data: "forged:1"), "unknown data"),
            (TelegramUpdates.text(update: 13, "hello", chatType: "supergroup"), "supergroup"),
            (Array(#"{"update_id":14,"message":{"message_id":1,"chat":{"id":-100,"type":"channel"},"date":1}}"#.utf8), "sender"),
            (Array(#"{"update_id":15,"message":{"message_id":1,"from":{"id":42,"is_bot":false,"first_name":"A"},"chat":{"id":42,"type":"private"},"date":1,"sticker":{}}}"#.utf8), "without text"),
        ]
        for (raw, reason) in cases {
            let result = try parser.parse(raw)
            guard case .ignore(let text) = result else {
                Issue.record("expected ignore for \(reason), got \(result)")
                continue
            }
            #expect(text.contains(reason))
        }
    }

    @Test func malformedUpdatesFail() {
        #expect(throws: InboundParseError.self) { try parser.parse(Array("not json".utf8)) }
        #expect(throws: InboundParseError.self) { try parser.parse([0xFF, 0xFE]) }
        #expect(throws: InboundParseError.self) { try parser.parse(Array(#"{"message":{}}"#.utf8)) }
    }

    @Test func nulCharactersAreRemoved() throws {
        let raw = TelegramUpdates.text(update: 16, "a\u{0}b")
        guard case .request(let r) = try InboundParser().parse(channel: .telegram, raw: raw) else {
            Issue.record("expected a request")
            return
        }
        #expect(r.body == "ab")
    }
}
