import Foundation
import Testing

@testable import TelegramBotAPI

/// Webhook updates of every handled kind, unknown kinds, and bad input.
struct UpdateDecodingTests {
    @Test func textMessage() throws {
        let update = try Update(json: UpdateSamples.textMessage)
        #expect(update.updateID == 918_273_645)
        #expect(update.kind == .message)
        let message = try #require(update.message)
        #expect(message.text == "Не проходит оплата картой 💳")
        #expect(message.from?.id == 5_123_456_789)
        #expect(message.from?.fullName == "Иван Петров")
        #expect(message.from?.languageCode == "ru")
        #expect(message.chat.isPrivate)
        #expect(message.attachments.isEmpty)
        #expect(update.sender?.username == "ivanp")
    }

    @Test func photoWithCaptionKeepsLargestSize() throws {
        let update = try Update(json: UpdateSamples.photoWithCaption)
        let message = try #require(update.message)
        #expect(message.text == nil)
        #expect(message.textOrCaption == "Ошибка на экране оплаты")
        #expect(message.photo?.count == 3)
        #expect(message.attachments == [
            TelegramAttachment(kind: .photo, fileID: "AgACAgIAAxkBAAIBsmZ-large", fileUniqueID: "AQADlarge",
                               fileName: nil, mimeType: "image/jpeg", fileSize: 98012)
        ])
        let bold = try #require(message.captionEntities?.first)
        #expect(message.text(of: bold) == "Ошибка")
    }

    @Test func documentWithReply() throws {
        let update = try Update(json: UpdateSamples.document)
        let message = try #require(update.message)
        #expect(message.attachments == [
            TelegramAttachment(kind: .document, fileID: "BQACAgIAAxkBAAIBs2Z-doc", fileUniqueID: "AgADdoc",
                               fileName: "выписка.pdf", mimeType: "application/pdf", fileSize: 183_004)
        ])
        #expect(message.replyToMessage?.messageID == 99)
        #expect(message.replyToMessage?.from?.isBot == true)
        #expect(message.replyToMessage?.text == "Пришлите, пожалуйста, выписку")
    }

    @Test func editedMessage() throws {
        let update = try Update(json: UpdateSamples.editedMessage)
        #expect(update.kind == .editedMessage)
        #expect(update.editedMessage?.editDate == 1_717_398_960)
        #expect(update.effectiveMessage?.messageID == 101)
    }

    @Test func callbackQuery() throws {
        let update = try Update(json: UpdateSamples.callbackQuery)
        #expect(update.kind == .callbackQuery)
        let query = try #require(update.callbackQuery)
        #expect(query.id == "4382bfdwdsb323b2d9")
        #expect(query.data == "csat:1042:5")
        #expect(query.data.flatMap(SupportCallbackData.init(callbackData:)) == .rate(ticketID: 1042, score: 5))
        #expect(update.effectiveMessage?.chat.id == 42)
        #expect(update.sender?.firstName == "Anna")
    }

    @Test func unknownUpdateKindDecodes() throws {
        let update = try Update(json: UpdateSamples.myChatMember)
        #expect(update.kind == .unsupported("my_chat_member"))
        #expect(update.message == nil)
        #expect(update.effectiveMessage == nil)
        let empty = try Update(json: Data(#"{"update_id":1}"#.utf8))
        #expect(empty.kind == .unsupported("empty"))
    }

    @Test func malformedJSONThrowsClearError() {
        do {
            _ = try Update(json: Data(#"{"update_id": 1, "message": {"#.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .malformedJSON)
            #expect(error.message == "the body is not valid JSON")
        }
    }

    @Test func missingAndMistypedFieldsNameThePath() {
        do {
            _ = try Update(json: Data(#"{"update_id":1,"message":{"message_id":5,"date":1}}"#.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .missingField)
            #expect(error.message == "missing field message.chat")
        }
        do {
            _ = try Update(json: Data(#"{"update_id":"one"}"#.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .typeMismatch)
            #expect(error.message.hasPrefix("update_id is not of the expected type"))
        }
    }

    @Test func invalidUTF8IsRejectedBeforeDecoding() {
        var bytes = Array(#"{"update_id":1,"message":{"text":""#.utf8)
        bytes += [0xFF, 0xFE, 0xC3]
        bytes += Array(#""}}"#.utf8)
        do {
            _ = try Update(json: Data(bytes))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidUTF8)
        }
    }

    @Test func deeplyNestedRepliesAreCut() throws {
        var json = #"{"message_id":0,"chat":{"id":1,"type":"private"},"date":0}"#
        for id in 1...20 {
            json = #"{"message_id":\#(id),"chat":{"id":1,"type":"private"},"date":0,"reply_to_message":\#(json)}"#
        }
        let update = try Update(json: Data(#"{"update_id":1,"message":\#(json)}"#.utf8))
        var depth = 0
        var current = update.message
        while let next = current?.replyToMessage {
            depth += 1
            current = next
        }
        #expect(depth == Message.maxReplyDepth)
    }

    @Test func roundTripEncoding() throws {
        let update = try Update(json: UpdateSamples.document)
        let decoded = try JSONDecoder().decode(Update.self, from: JSONEncoder().encode(update))
        #expect(decoded == update)
    }
}
