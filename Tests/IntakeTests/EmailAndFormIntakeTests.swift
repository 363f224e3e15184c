import Foundation
import Intake
import JobQueue
import PostgresNIO
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// Email threading, reopening, automatic mail, and the portal and phone paths, against a real database.
struct EmailAndFormIntakeTests {
    @Test func newMailOpensATicketAcknowledgedByEmail() async throws {
        try await IntakeEnv.with { env in
            let ticket = try await env.deliver(.email, Mails.message(subject: "Payout is late", messageID: "m1@example.com", body: "Hello")).ticket()
            #expect(try await env.string("SELECT subject || '|' || channel FROM ticket") == "Payout is late|email")
            #expect(try await env.string("SELECT channel || '|' || address || '|' || (payload->>'subject') FROM notification")
                == "email|ann@example.com|[#1001] Payout is late")
            #expect(try await env.string("SELECT external_id FROM requester_identity") == "ann@example.com")
            #expect(try await env.string("SELECT payload->>'in_reply_to' FROM notification") == "m1@example.com")
            #expect(try await env.routingReasons(ticket) == ["new"])
        }
    }

    @Test func repliesThreadByTagAndByInReplyTo() async throws {
        try await IntakeEnv.with { env in
            let first = try await env.deliver(.email, Mails.message(subject: "Payout", messageID: "m1@example.com", body: "Hello")).ticket()
            try await env.exec("UPDATE ticket SET status = 'resolved', resolved_at = now() WHERE id = \(first)")
            let second = try await env.deliver(.email, Mails.message(subject: "Other", messageID: "m2@example.com", body: "x")).ticket()
            try await env.exec("UPDATE ticket SET status = 'open', resolved_at = NULL WHERE id = \(first)")
            // Both are active and `second` is the newest: only the hints can pick `first`.
            let tagged = try await env.deliver(.email, Mails.message(subject: "Re: [#1001] Payout", messageID: "m3@example.com", body: "by tag"))
            #expect(tagged == .appended(first))
            let replied = try await env.deliver(.email, Mails.message(
                subject: "Re: Payout", messageID: "m4@example.com", inReplyTo: "m1@example.com",
                body: "by reference\n\nOn Tue, Support wrote:\n> quoted"))
            #expect(replied == .appended(first))
            #expect(try await env.string("SELECT body FROM message WHERE external_message_id = 'm4@example.com'") == "by reference")
            let plain = try await env.deliver(.email, Mails.message(subject: "no hints", messageID: "m5@example.com", body: "y"))
            #expect(plain == .appended(second))
        }
    }

    @Test func threadHintsPickTheNamedTicketOverTheNewestOpenOne() async throws {
        try await IntakeEnv.with { env in
            let first = try await env.deliver(.email, Mails.message(subject: "First", messageID: "a@x", body: "1")).ticket()
            try await env.exec("UPDATE ticket SET status = 'resolved', resolved_at = now() WHERE id = \(first)")
            let second = try await env.deliver(.email, Mails.message(subject: "Second", messageID: "b@x", body: "2")).ticket()
            #expect(first != second)
            let reply = try await env.deliver(.email, Mails.message(subject: "Re: First", messageID: "c@x", inReplyTo: "a@x", body: "3"))
            #expect(reply == .reopened(first))
        }
    }

    @Test func someoneElsesTagDoesNotThread() async throws {
        try await IntakeEnv.with { env in
            let ann = try await env.deliver(.email, Mails.message(subject: "Mine", messageID: "a@x", body: "1")).ticket()
            let bob = try await env.deliver(.email, Mails.message(from: "Bob <bob@example.com>", subject: "Re: [#1001] Mine", messageID: "b@x", body: "2"))
            #expect(bob.ticketID != ann)
            #expect(try await env.int("SELECT count(*)::int FROM message WHERE ticket_id = \(ann)") == 1)
        }
    }

    @Test func reopenWithinTheWindowElseANewTicket() async throws {
        try await IntakeEnv.with { env in
            let ticket = try await env.deliver(.email, Mails.message(subject: "Refund", messageID: "a@x", body: "1")).ticket()
            try await env.exec("UPDATE ticket SET status = 'closed', closed_at = now() - interval '2 days' WHERE id = \(ticket)")
            #expect(try await env.deliver(.email, Mails.message(subject: "Re: [#1001] Refund", messageID: "b@x", body: "again")) == .reopened(ticket))
            #expect(try await env.string("SELECT status || '|' || reopen_count || '|' || (closed_at IS NULL) FROM ticket WHERE id = \(ticket)") == "open|1|true")
            #expect(try await env.routingReasons(ticket) == ["new", "reopen"])
            #expect(try await env.eventTypes(ticket).contains("reopened"))
            #expect(try await env.int("SELECT count(*)::int FROM notification WHERE template = 'ack'") == 1, "a reopen is not acknowledged again")

            try await env.exec("UPDATE ticket SET status = 'closed', closed_at = now() - interval '8 days' WHERE id = \(ticket)")
            let late = try await env.deliver(.email, Mails.message(subject: "Re: [#1001] Refund", messageID: "c@x", body: "still"))
            let fresh = try late.ticket()
            #expect(late == .created(fresh) && fresh != ticket)
            #expect(try await env.status(ticket) == "closed")
            #expect(try await env.string("SELECT data->>'previous_ticket_id' FROM ticket_event WHERE ticket_id = \(fresh) AND type = 'created'") == "\(ticket)")
        }
    }

    @Test func automaticMailCreatesNothingAndSendsNothing() async throws {
        try await IntakeEnv.with { env in
            let auto = try await env.deliver(.email, Mails.autoReply(to: "ack-1@desk.example"))
            guard case .ignored(let reason) = auto else {
                Issue.record("expected ignored, got \(auto)")
                return
            }
            #expect(reason.contains("Auto-Submitted: auto-replied"))
            #expect(try await env.deliver(.email, Mails.bounce()) != .created(1))
            let census = try await env.census()
            #expect(census.values.allSatisfy { $0 == 0 }, "\(census)")
            #expect(try await env.strings("SELECT status FROM inbound_item") == ["ignored", "ignored"])
        }
    }

    @Test func webFormWithCategoryAndTicketNumber() async throws {
        try await IntakeEnv.with { env in
            let json = #"{"name":"Ivan","email":"ivan@example.com","subject":"Payout","body":"Where is it?","category":"payment"}"#
            let ticket = try await env.deliver(.web, Array(json.utf8)).ticket()
            #expect(try await env.string("SELECT channel || '|' || subject || '|' || requested_category FROM ticket") == "web|Payout|payment")
            #expect(try await env.string("SELECT channel || '|' || address FROM notification") == "email|ivan@example.com")
            try await env.exec("UPDATE ticket SET status = 'pending_requester'")
            let follow = #"{"email":"ivan@example.com","body":"Any news?","ticket_number":1001}"#
            #expect(try await env.deliver(.web, Array(follow.utf8)) == .appended(ticket))
            #expect(try await env.status(ticket) == "open")
            // The same unverified address on another channel is another identity: no access to this ticket.
            let chat = try await env.deliver(.chat, Array(follow.utf8))
            #expect(chat.ticketID != ticket)
            let missing = try await env.deliver(.web, Array(#"{"email":"ivan@example.com"}"#.utf8))
            #expect(missing == .failed(error: "body: required"))
        }
    }

    @Test func phoneCallLoggedByAnAgent() async throws {
        try await IntakeEnv.with { env in
            try await env.exec("INSERT INTO staff (name, email, roles) VALUES ('Agent', 'agent@desk.example', '{agent}')")
            let staff = try await env.int("SELECT id::int FROM staff")
            let json = #"{"name":"Caller","phone":"+79991234567","body":"Refund request by phone","logged_by_staff_id":\#(staff)}"#
            let ticket = try await env.deliver(.phone, Array(json.utf8)).ticket()
            #expect(try await env.string("SELECT actor_kind || ':' || actor_id FROM ticket_event WHERE ticket_id = \(ticket) AND type = 'created'") == "staff:\(staff)")
            #expect(try await env.string("SELECT author_kind FROM message") == "requester")
            #expect(try await env.string("SELECT channel FROM notification") == "in_app")
            let unknown = try await env.deliver(.phone, Array(#"{"phone":"+7000","body":"x","logged_by_staff_id":999}"#.utf8))
            #expect(unknown == .failed(error: "logged_by_staff_id: no staff member 999"))
            #expect(try await env.int("SELECT count(*)::int FROM requester") == 1)
        }
    }
}
