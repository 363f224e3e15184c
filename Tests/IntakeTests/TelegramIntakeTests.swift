import Foundation
import Intake
import JobQueue
import PostgresNIO
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// The intake handler against a real database, fed Telegram updates through the inbound store.
struct TelegramIntakeTests {
    @Test func firstMessageCreatesRequesterTicketMessageAckAndJobs() async throws {
        try await IntakeEnv.with { env in
            let item = try await env.receive(.telegram, TelegramUpdates.text(update: 1, messageID: 10, "Не проходит оплата\nКарта Visa"), dedupeKey: "1")
            let outcome = try await env.handler.process(inboundItemID: item)
            let ticket = try outcome.ticket()
            #expect(outcome == .created(ticket))
            let census = try await env.census()
            #expect(census == ["requester": 1, "requester_identity": 1, "ticket": 1, "message": 1, "ticket_event": 2,
                               "notification": 1, "routing": 1, "notify": 1])
            #expect(try await env.string("SELECT external_id || '|' || display FROM requester_identity") == "42|@anna")
            #expect(try await env.string("SELECT display_name FROM requester") == "Anna")
            #expect(try await env.string("SELECT channel || '|' || status || '|' || subject || '|' || number FROM ticket")
                == "telegram|new|Не проходит оплата|1001")
            #expect(try await env.string("SELECT external_message_id || '|' || inbound_item_id || '|' || body FROM message")
                == "42:10|\(item)|Не проходит оплата\nКарта Visa")
            #expect(try await env.eventTypes(ticket) == ["created", "message_received"])
            #expect(try await env.string(
                "SELECT (data->>'message_id') || '|' || (data->>'inbound_item_id') FROM ticket_event WHERE type = 'message_received'")
                == "\(try await env.string("SELECT id::text FROM message") ?? "?")|\(item)")
            #expect(try await env.routingReasons(ticket) == ["new"])
            let ack = try await env.string(
                "SELECT template || '|' || channel || '|' || address || '|' || idempotency_key || '|' || (payload->>'ticket_number') FROM notification")
            #expect(ack == "ack|telegram|42|ack:\(ticket)|1001")
            let text = try await env.string("SELECT payload->>'text' FROM notification") ?? ""
            #expect(text.hasPrefix("Ваше обращение #1001 принято. Ответим до "))
            let notifyJob = try await env.string("SELECT convert_from(payload, 'UTF8') FROM job WHERE queue = 'notify'") ?? ""
            #expect(notifyJob.contains("\"idempotency_key\":\"ack:\(ticket)\""))
            #expect(try await env.string("SELECT status || '|' || ticket_id || '|' || (processed_at IS NOT NULL) FROM inbound_item")
                == "processed|\(ticket)|true")
        }
    }

    @Test func secondMessageAppendsWithoutNewAckOrRouting() async throws {
        try await IntakeEnv.with { env in
            let first = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "hello")).ticket()
            let before = try await env.census()
            let second = try await env.deliver(.telegram, TelegramUpdates.photo(update: 2, messageID: 2, caption: "screenshot"))
            #expect(second == .appended(first))
            let after = try await env.census()
            #expect(after["ticket"] == 1 && after["message"] == 2)
            #expect(after["notification"] == before["notification"] && after["routing"] == before["routing"])
            #expect(try await env.string("SELECT attachments->0->>'ref' FROM message WHERE external_message_id = '42:2'") == "large-id")
        }
    }

    @Test func newCommandForcesANewTicket() async throws {
        try await IntakeEnv.with { env in
            let first = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "first problem")).ticket()
            let second = try await env.deliver(.telegram, TelegramUpdates.text(update: 2, messageID: 2, "/new Second problem")).ticket()
            #expect(first != second)
            #expect(try await env.string("SELECT subject FROM ticket WHERE id = \(second)") == "Second problem")
            #expect(try await env.routingReasons(second) == ["new"])
            // The next plain message goes to the newest open ticket.
            #expect(try await env.deliver(.telegram, TelegramUpdates.text(update: 3, messageID: 3, "more")) == .appended(second))
        }
    }

    @Test func aReplyToOurMessageThreadsOntoItsTicket() async throws {
        try await IntakeEnv.with { env in
            let first = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "first problem")).ticket()
            let second = try await env.deliver(.telegram, TelegramUpdates.text(update: 2, messageID: 2, "/new Second problem")).ticket()
            // The first ticket's acknowledgement went out as Telegram message 500 in chat 42.
            try await env.exec(
                "UPDATE notification SET status = 'sent', sent_at = now(), provider_message_id = '500' WHERE ticket_id = \(first) AND template = 'ack'")
            let reply = try await env.deliver(.telegram, TelegramUpdates.text(update: 3, messageID: 3, "about the first one", replyTo: 500))
            #expect(reply == .appended(first))
            #expect(first != second)
        }
    }

    @Test func duplicateDeliveriesCreateNothingTwice() async throws {
        try await IntakeEnv.with { env in
            let raw = TelegramUpdates.text(update: 77, messageID: 1, "hello")
            let item = try await env.receive(.telegram, raw, dedupeKey: "77")
            let again = try await env.store.receive(NewInboundItem(channel: .telegram, dedupeKey: "77", raw: raw, contentType: "application/json"))
            #expect(again.id == item && !again.isNew)
            let first = try await env.handler.process(inboundItemID: item).ticket()
            let census = try await env.census()
            let second = try await env.handler.process(inboundItemID: item)
            #expect(second == .alreadyHandled(.processed))
            #expect(try await env.census() == census)
            // Concurrent deliveries: the row lock makes one wait and then do nothing.
            let other = try await env.receive(.telegram, TelegramUpdates.text(update: 78, messageID: 2, "again"), dedupeKey: "78")
            async let a = env.handler.process(inboundItemID: other)
            async let b = env.handler.process(inboundItemID: other)
            let results = try await [a, b]
            #expect(results.filter { $0 == .appended(first) }.count == 1)
            #expect(results.contains(.alreadyHandled(.processed)))
            #expect(try await env.int("SELECT count(*)::int FROM message") == 2)
        }
    }

    @Test func replyOnATicketWaitingForTheRequesterResumesIt() async throws {
        try await IntakeEnv.with { env in
            let ticket = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "help")).ticket()
            try await env.exec("UPDATE ticket SET status = 'open' WHERE id = \(ticket)")
            #expect(try await env.deliver(.telegram, TelegramUpdates.text(update: 2, messageID: 2, "info 1")) == .appended(ticket))
            #expect(try await env.routingReasons(ticket) == ["new"], "a reply on an open ticket is not re-routed")
            try await env.exec("UPDATE ticket SET status = 'pending_requester' WHERE id = \(ticket)")
            #expect(try await env.deliver(.telegram, TelegramUpdates.text(update: 3, messageID: 3, "info 2")) == .appended(ticket))
            #expect(try await env.status(ticket) == "open")
            #expect(try await env.routingReasons(ticket) == ["new", "reply"])
            #expect(try await env.eventTypes(ticket).contains("status_changed"))
        }
    }

    @Test func operatorCommandAndButtonHandOver() async throws {
        try await IntakeEnv.with { env in
            let ticket = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "bot did not help")).ticket()
            #expect(try await env.deliver(.telegram, TelegramUpdates.text(update: 2, messageID: 2, "/operator please")) == .appended(ticket))
            #expect(try await env.deliver(.telegram, TelegramUpdates.callback(update: 3, data: "operator:\(ticket)")) == .handedOver(ticket))
            #expect(try await env.routingReasons(ticket) == ["new", "handover", "handover"])
            #expect(try await env.eventTypes(ticket).filter { $0 == "handed_over" }.count == 2)
            // A forged button for someone else's ticket hands over nothing of theirs.
            let other = try await env.deliver(.telegram, TelegramUpdates.text(update: 4, user: 99, messageID: 1, "mine")).ticket()
            let forged = try await env.deliver(.telegram, TelegramUpdates.callback(update: 5, data: "operator:\(other)"))
            #expect(forged == .appended(ticket), "falls back to the presser's own open ticket")
            #expect(try await env.routingReasons(other) == ["new"])
        }
    }

    @Test func operatorWithoutATicketOpensOne() async throws {
        try await IntakeEnv.with { env in
            let outcome = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "/operator"))
            let ticket = try outcome.ticket()
            #expect(outcome == .created(ticket))
            #expect(try await env.routingReasons(ticket) == ["handover"])
            #expect(try await env.eventTypes(ticket) == ["created", "handed_over"])
            #expect(try await env.int("SELECT count(*)::int FROM notification WHERE template = 'ack'") == 1)
        }
    }

    @Test func statusAndStartReplyWithoutTouchingTickets() async throws {
        try await IntakeEnv.with { env in
            let ticket = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "Payout late")).ticket()
            let before = try await env.census()
            #expect(try await env.deliver(.telegram, TelegramUpdates.text(update: 2, messageID: 2, "/status")) == .replied(template: "status"))
            #expect(try await env.deliver(.telegram, TelegramUpdates.text(update: 3, messageID: 3, "/start")) == .replied(template: "welcome"))
            let after = try await env.census()
            #expect(after["message"] == before["message"] && after["routing"] == before["routing"])
            #expect(after["notification"] == 3 && after["notify"] == 3)
            let status = try await env.string("SELECT payload->>'text' FROM notification WHERE template = 'status'")
            #expect(status == "Ваши обращения:\n#1001 — принято — Payout late")
            #expect(try await env.string("SELECT payload->>'in_reply_to' FROM notification WHERE template = 'status'") == "42:2")
            #expect(try await env.int("SELECT count(*)::int FROM inbound_item WHERE status = 'processed' AND ticket_id IS NULL") == 2)
            _ = ticket
        }
    }

    @Test func rateStoresCSATOnTheLatestFinishedTicket() async throws {
        try await IntakeEnv.with { env in
            let ticket = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "help")).ticket()
            #expect(try await env.deliver(.telegram, TelegramUpdates.text(update: 2, messageID: 2, "/rate 5 great")) == .replied(template: "rate_no_ticket"))
            try await env.exec("UPDATE ticket SET status = 'resolved', resolved_at = now() WHERE id = \(ticket)")
            #expect(try await env.deliver(.telegram, TelegramUpdates.text(update: 3, messageID: 3, "/rate 9")) == .replied(template: "rate_invalid"))
            #expect(try await env.int("SELECT count(*)::int FROM ticket WHERE csat_score IS NOT NULL") == 0)
            #expect(try await env.deliver(.telegram, TelegramUpdates.text(update: 4, messageID: 4, "/rate 5 great")) == .rated(ticket))
            #expect(try await env.string("SELECT csat_score || '|' || csat_comment FROM ticket") == "5|great")
            #expect(try await env.eventTypes(ticket).last == "csat_received")
            #expect(try await env.deliver(.telegram, TelegramUpdates.callback(update: 5, data: "csat:\(ticket):3")) == .rated(ticket))
            #expect(try await env.int("SELECT csat_score::int FROM ticket") == 3)
            #expect(try await env.routingReasons(ticket) == ["new"], "ratings are not routed")
            #expect(try await env.strings("SELECT template FROM notification ORDER BY id")
                == ["ack", "rate_no_ticket", "rate_invalid", "rated", "rated"])
        }
    }

    @Test func editedMessageIsNotedOnTheOriginalsTicket() async throws {
        try await IntakeEnv.with { env in
            let first = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "typo heer")).ticket()
            let second = try await env.deliver(.telegram, TelegramUpdates.text(update: 2, messageID: 2, "/new other issue")).ticket()
            #expect(first != second)
            #expect(try await env.deliver(.telegram, TelegramUpdates.edited(update: 3, messageID: 1, "typo here")) == .appended(first))
            #expect(try await env.string("SELECT body FROM message WHERE ticket_id = \(first) ORDER BY id DESC LIMIT 1") == "[edited] typo here")
        }
    }

    @Test func badItemsAreFailedOrIgnoredAndCreateNothing() async throws {
        try await IntakeEnv.with { env in
            let broken = try await env.deliver(.telegram, Array(#"{"update_id":5,"message":{"message_id":"x"}}"#.utf8))
            guard case .failed(let error) = broken else {
                Issue.record("expected failed, got \(broken)")
                return
            }
            #expect(error.contains("not a Telegram update"))
            #expect(try await env.deliver(.telegram, TelegramUpdates.unsupported(update: 6)) == .ignored(reason: "unsupported telegram update kind my_chat_member"))
            #expect(try await env.int("SELECT count(*)::int FROM requester") == 0)
            #expect(try await env.strings("SELECT status || ':' || error FROM inbound_item ORDER BY id")
                == ["failed:\(error)", "ignored:unsupported telegram update kind my_chat_member"])
            #expect(try await env.int("SELECT count(*)::int FROM inbound_item WHERE processed_at IS NOT NULL") == 2)
        }
    }
}
