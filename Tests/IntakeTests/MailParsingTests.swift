import Foundation
@testable import Intake
import SupportSchema
import SupportStore
import Testing

/// Email items: new mail, replies, automatic mail, Cyrillic charsets; no database.
struct MailParsingTests {
    let parser = MailRequestParser()

    func request(_ raw: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> InboundRequest {
        guard case .request(let request) = try parser.parse(raw) else {
            Issue.record("expected a request", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        return request
    }

    @Test func newMail() throws {
        let r = try request(Mails.message(subject: "Payout is late", messageID: "m1@example.com", body: "Hello,\nmy payout is late."))
        #expect(r.channel == .email)
        #expect(r.requester.externalID == "ann@example.com" && r.requester.email == "ann@example.com")
        #expect(r.requester.displayName == "Ann Lee")
        #expect(r.subject == "Payout is late" && r.body == "Hello,\nmy payout is late.")
        #expect(r.externalMessageID == "m1@example.com")
        #expect(r.replyRoute == .email("ann@example.com"))
        #expect(r.thread.isEmpty && r.intent == .message)
    }

    @Test func replyCarriesItsReferencesAndOnlyTheNewText() throws {
        let r = try request(Mails.message(
            subject: "Re: Payout is late", messageID: "m2@example.com", inReplyTo: "ack-1@desk.example",
            references: "<m1@example.com> <ack-1@desk.example>",
            body: "Still nothing.\n\nOn Tue, 4 Jun 2024 Support wrote:\n> We are on it"))
        #expect(r.thread.references == ["ack-1@desk.example", "m1@example.com"])
        #expect(r.body == "Still nothing.")
    }

    @Test func ticketTagInTheSubject() throws {
        let r = try request(Mails.message(subject: "Re: [#1042] Payout", messageID: "m3@example.com", body: "ok"))
        #expect(r.thread.ticketNumber == 1042)
    }

    @Test func replyToWinsForAnswers() throws {
        let r = try request(Mails.message(subject: "x", messageID: "m4@example.com", body: "b", headers: ["Reply-To: Desk <Other@Example.com>"]))
        #expect(r.replyRoute == .email("other@example.com"))
        #expect(r.requester.externalID == "ann@example.com")
    }

    @Test func autoReplyAndBounceAreIgnored() throws {
        guard case .ignore(let reason) = try parser.parse(Mails.autoReply(to: "ack-1@desk.example")) else {
            Issue.record("auto-reply not ignored")
            return
        }
        #expect(reason.contains("Auto-Submitted"))
        guard case .ignore(let bounce) = try parser.parse(Mails.bounce()) else {
            Issue.record("bounce not ignored")
            return
        }
        #expect(bounce.contains("automatic email"))
    }

    @Test func windows1251SubjectIsDecoded() throws {
        let subject = Mails.encodedWord1251("Оплата не прошла")
        let r = try request(Mails.message(
            from: "\(Mails.encodedWord1251("Ольга")) <olga@corp.example.ru>", subject: subject, messageID: "w@x", body: "text"))
        #expect(r.subject == "Оплата не прошла")
        #expect(r.requester.displayName == "Ольга")
    }

    @Test func junkFailsWithAClearError() {
        #expect(throws: InboundParseError.self) { try parser.parse([]) }
        do {
            _ = try parser.parse(Array("no headers at all, just text".utf8))
            Issue.record("expected a failure")
        } catch {
            #expect(!error.message.isEmpty)
        }
    }

    @Test func mailWithoutASenderFails() {
        let raw = Array("To: support@desk.example\r\nSubject: hi\r\n\r\nbody".utf8)
        #expect(throws: InboundParseError(.missingField, "From: no sender address")) { try parser.parse(raw) }
    }
}
