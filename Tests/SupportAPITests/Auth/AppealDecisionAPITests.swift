import Foundation
import SupportSchema
import Testing

/// Moderation appeals decided over HTTP: never by the issuer, the second round by an owner only,
/// no third; the punishment changes, the requester is told, the history shows it.
struct AppealDecisionAPITests {
    @Test func appealsAreDecidedByOthersThanTheIssuerAndTheSecondIsFinal() async throws {
        try await AuthFixture.with { app in
            let issuer = try await app.staff("issuer@desk.example", roles: [.moderator])
            try await app.staff("moderator@desk.example", roles: [.moderator])
            try await app.staff("owner@desk.example", roles: [.owner])
            let alice = try await app.requester("alice@example.com")
            let first = try await app.appealTicket(of: alice, issuer: issuer)
            let punishment = try await app.int("SELECT punishment_id FROM ticket WHERE id = \(first.rawValue)")
            let (issuerToken, moderator, owner) = (
                try await app.login("issuer@desk.example"), try await app.login("moderator@desk.example"),
                try await app.login("owner@desk.example"))
            let path = "/api/v1/tickets/\(first.rawValue)/appeal-decision"
            let reduce = #"{"outcome": "reduce", "reasons": "first offence", "expires_at": "2099-01-01T00:00:00Z"}"#

            #expect(try await app.call(.post, path, token: issuerToken, json: reduce).status == .forbidden)
            #expect(try await app.call(.post, path, token: moderator, json: #"{"outcome": "reduce", "reasons": "x"}"#).status == .conflict)
            #expect(try await app.call(.post, path, token: moderator, json: #"{"outcome": "lift", "reasons": "  "}"#).status == .badRequest)
            #expect(try await app.call(.post, path, token: moderator,
                                       json: #"{"outcome": "reduce", "reasons": "x", "expires_at": "soon"}"#).status == .badRequest)
            let decided = try await app.call(.post, path, token: moderator, json: reduce)
            #expect(decided.status == .ok, "\(decided.body)")
            #expect(decided.json["round"] as? Int == 1)
            let again = try await app.call(.post, path, token: moderator, json: reduce)
            #expect(again.status == .ok && again.json["id"] as? Int == decided.json["id"] as? Int)
            #expect(try await app.call(.post, path, token: moderator, json: #"{"outcome": "lift", "reasons": "changed my mind"}"#).status == .conflict)
            #expect(try await app.int("SELECT count(*) FROM punishment WHERE id = \(punishment) AND expires_at = '2099-01-01T00:00:00Z'") == 1)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(first.rawValue) AND status = 'resolved'") == 1)
            #expect(try await app.int(
                "SELECT count(*) FROM message WHERE ticket_id = \(first.rawValue) AND author_kind = 'staff' AND body LIKE '%first offence%'") == 1)

            // The second appeal on the same punishment: owners only, and final.
            let second = try await app.ticket(of: alice, subject: "still unfair", category: .moderationAppeal)
            _ = try await app.client.query("UPDATE ticket SET punishment_id = \(punishment) WHERE id = \(second.rawValue)", logger: app.logger)
            let secondPath = "/api/v1/tickets/\(second.rawValue)/appeal-decision"
            #expect(try await app.call(.post, secondPath, token: moderator, json: #"{"outcome": "lift", "reasons": "x"}"#).status == .forbidden)
            let lifted = try await app.call(.post, secondPath, token: owner, json: #"{"outcome": "lift", "reasons": "amnesty"}"#)
            #expect(lifted.status == .ok && lifted.json["round"] as? Int == 2, "\(lifted.body)")
            let third = try await app.ticket(of: alice, subject: "once more", category: .moderationAppeal)
            _ = try await app.client.query("UPDATE ticket SET punishment_id = \(punishment) WHERE id = \(third.rawValue)", logger: app.logger)
            let refused = try await app.call(.post, "/api/v1/tickets/\(third.rawValue)/appeal-decision", token: owner,
                                             json: #"{"outcome": "uphold", "reasons": "x"}"#)
            #expect(refused.status == .conflict, "\(refused.body)")

            // The account view carries the history.
            let account = try await app.call(.get, "/api/v1/requesters/\(alice.rawValue)", token: owner)
            let punishments = (account.json["punishments"] as? [[String: Any]]) ?? []
            #expect(punishments.first?["lifted"] as? Bool == true)
            #expect(((punishments.first?["appeals"] as? [[String: Any]]) ?? []).compactMap { $0["outcome"] as? String } == ["reduce", "lift"])
            #expect(try await app.int("SELECT count(*) FROM audit_log WHERE action = 'punishment.appeal_decide'") == 2)
            #expect(try await app.int("SELECT count(*) FROM audit_log WHERE action = 'access.denied'") == 2)
        }
    }
}

/// Owners take internal matters as confidential tickets.
struct ConfidentialTicketTests {
    @Test func anOwnerTakesATicketAsConfidentialAndOnlyOwnersSeeIt() async throws {
        try await AuthFixture.with { app in
            let owner = try await app.staff("owner@desk.example", roles: [.owner])
            try await app.staff("agent@desk.example", roles: [.agent])
            let alice = try await app.requester("alice@example.com")
            let ticket = try await app.ticket(of: alice, subject: "a word about a moderator, privately")
            let agent = try await app.login("agent@desk.example")
            #expect(try await app.call(.get, "/api/v1/tickets/\(ticket.rawValue)", token: agent).status == .ok)
            #expect(try await app.call(.post, "/api/v1/tickets/\(ticket.rawValue)/confidential", token: agent,
                                       json: #"{"confidential": true}"#).status == .forbidden)
            let taken = try await app.call(.post, "/api/v1/tickets/\(ticket.rawValue)/confidential",
                                           token: try await app.login("owner@desk.example"), json: #"{"confidential": true}"#)
            #expect(taken.status == .ok, "\(taken.body)")
            #expect(taken.json["line"] as? String == "l3")
            #expect((taken.json["assignee_id"] as? NSNumber)?.int64Value == owner.rawValue)
            #expect(try await app.call(.get, "/api/v1/tickets/\(ticket.rawValue)", token: agent).status == .forbidden)
            #expect(try await app.call(.get, "/api/v1/tickets", token: agent).ticketIDs.isEmpty)
            #expect(try await app.int("SELECT count(*) FROM audit_log WHERE action = 'ticket.confidential'") == 1)
        }
    }
}
