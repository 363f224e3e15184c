import Foundation
@testable import Intake
import SupportSchema
import SupportStore
import Testing

/// The pure rules: where a message goes, subjects, reply texts.
struct RulesTests {
    let now = Date(timeIntervalSince1970: 1_717_400_000)
    let week = TicketPlacement.defaultReopenWindow

    func ticket(_ id: TicketID, _ status: TicketStatus, finishedDaysAgo: Double? = nil) -> TicketRecord {
        let finished = finishedDaysAgo.map { now.addingTimeInterval(-$0 * 86_400) }
        return TicketRecord(
            id: id, number: 1000 + id.rawValue, requesterID: 1, channel: .telegram, subject: "s", status: status,
            resolvedAt: status == .resolved ? finished : nil, closedAt: status == .closed ? finished : nil,
            createdAt: now.addingTimeInterval(-30 * 86_400))
    }

    @Test func placement() {
        let open = ticket(1, .open)
        let waiting = ticket(2, .pendingRequester)
        let recent = ticket(3, .closed, finishedDaysAgo: 2)
        let old = ticket(4, .resolved, finishedDaysAgo: 8)
        func decide(_ intent: InboundIntent = .message, threaded: TicketRecord? = nil, active: TicketRecord? = nil) -> TicketPlacement {
            TicketPlacement.decide(intent: intent, threaded: threaded, active: active, receivedAt: now, reopenWindow: week)
        }
        #expect(decide() == .create(after: nil))
        #expect(decide(active: open) == .append(open, resumes: false))
        #expect(decide(active: waiting) == .append(waiting, resumes: true))
        #expect(decide(.newTicket, active: open) == .create(after: nil))
        #expect(decide(threaded: waiting, active: open) == .append(waiting, resumes: true))
        #expect(decide(threaded: recent, active: open) == .reopen(recent))
        #expect(decide(threaded: old, active: open) == .create(after: old))
        #expect(decide(.newTicket, threaded: recent) == .create(after: nil))
        #expect(
            TicketPlacement.decide(intent: .message, threaded: recent, active: nil, receivedAt: now, reopenWindow: 86_400)
                == .create(after: recent))
    }

    @Test func subjects() {
        #expect(SubjectLine.derive(from: "\n  Payout not received \nI sold USDT") == "Payout not received")
        #expect(SubjectLine.derive(from: "", hasAttachments: true) == "(attachment)")
        #expect(SubjectLine.derive(from: " ") == "(no subject)")
        let long = String(repeating: "word ", count: 40)
        let derived = SubjectLine.derive(from: long)
        #expect(derived.count <= SubjectLine.maxCharacters && derived.hasSuffix("…"))
        #expect(SubjectLine.subject(given: "  Given ", text: "body", hasAttachments: false) == "Given")
    }

    @Test func ackNamesTheTimeInTheDeskZone() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Yekaterinburg"))
        let received = Date(timeIntervalSince1970: 1_717_405_200)  // 2024-06-03 09:00 UTC = 14:00 +05
        let text = ReplyText(locale: "ru").ack(number: 1042, expectedBy: received.addingTimeInterval(3600),
                                               receivedAt: received, timeZone: zone)
        #expect(text == "Ваше обращение #1042 принято. Ответим до 03.06.2024 15:00 (время Asia/Yekaterinburg).")
        let phone = ReplyText(locale: "en").ack(number: 7, expectedBy: received, receivedAt: received, timeZone: zone)
        #expect(phone.contains("#7") && phone.contains("right away"))
    }

    @Test func statusListsTickets() {
        let text = ReplyText(locale: "ru").status([ticket(1, .open), ticket(2, .pendingRequester)], askedNumber: nil)
        #expect(text == "Ваши обращения:\n#1001 — в работе — s\n#1002 — ждём вашего ответа — s")
        #expect(ReplyText(locale: "en").status([], askedNumber: 5) == "No request #5 found.")
    }
}
