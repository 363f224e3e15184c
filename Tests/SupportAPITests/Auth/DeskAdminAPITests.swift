import Foundation
import HTTPTypes
import SupportDomain
import SupportSchema
import SupportStore
import Testing

/// Owners edit the classification rules; staff link, unlink and merge tickets and step away.
struct DeskAdminAPITests {
    @Test func ownersEditRulesAndEveryEditIsAudited() async throws {
        try await AuthFixture.with { app in
            try await app.staff("owner@desk.local", roles: [.owner])
            try await app.staff("agent@desk.local", roles: [.agent])
            let owner = try await app.login("owner@desk.local")
            let agent = try await app.login("agent@desk.local")
            let rule = #"{"pattern": "вывод зависает", "language": "ru", "category": "payment", "priority_boost": 1}"#

            #expect(try await app.call(.post, "/api/v1/rules", token: agent, json: rule).status == .forbidden)
            let created = try await app.call(.post, "/api/v1/rules", token: owner, json: rule)
            #expect(created.status == .created, "\(created.body)")
            let id = try #require((created.json["id"] as? NSNumber)?.int64Value)
            #expect(try await app.call(.post, "/api/v1/rules", token: owner, json: rule).status == .conflict)
            let stopWords = try await app.call(.post, "/api/v1/rules", token: owner, json: #"{"pattern": "и или", "language": "ru", "category": "spam"}"#)
            #expect(stopWords.status == .conflict && stopWords.body.contains("stop words"))
            let noCategory = try await app.call(.post, "/api/v1/rules", token: owner, json: #"{"pattern": "x1", "language": "ru"}"#)
            #expect(noCategory.status == .badRequest && noCategory.body.contains("category"))

            let patched = try await app.call(.patch, "/api/v1/rules/\(id)", token: owner, json: #"{"active": false, "weight": 2.5, "channel": "telegram"}"#)
            #expect(patched.status == .ok && patched.json["active"] as? Bool == false && patched.json["channel"] as? String == "telegram")
            let cleared = try await app.call(.patch, "/api/v1/rules/\(id)", token: owner, json: #"{"channel": null}"#)
            #expect(cleared.status == .ok && cleared.json["channel"] == nil && cleared.json["weight"] as? Double == 2.5)
            let listed = try await app.call(.get, "/api/v1/rules?category=payment", token: owner)
            #expect(((listed.json["items"] as? [[String: Any]]) ?? []).contains { ($0["id"] as? NSNumber)?.int64Value == id })
            #expect(try await app.call(.delete, "/api/v1/rules/\(id)", token: owner).status == .noContent)
            #expect(try await app.call(.delete, "/api/v1/rules/\(id)", token: owner).status == .notFound)

            let actions = try await app.auditRows().map(\.action).filter { $0.hasPrefix("rule.") }
            #expect(actions == ["rule.create", "rule.update", "rule.update", "rule.delete"])
        }
    }

    @Test func staffLinkUnlinkAndMergeWithinTheRules() async throws {
        try await AuthFixture.with { app in
            let alice = try await app.requester("alice@example.com")
            let bob = try await app.requester("bob@example.com")
            try await app.staff("agent@desk.local", roles: [.agent])
            let report = try await app.ticket(of: alice, subject: "bot down", category: .technical)
            let again = try await app.ticket(of: alice, subject: "bot still down", category: .technical)
            let bobs = try await app.ticket(of: bob, subject: "bot down too", category: .technical)
            let incident = try await app.int(
                "INSERT INTO ticket (channel, subject, category, status, line, is_incident) VALUES ('web', 'Bot down', 'technical', 'escalated', 'l2', true) RETURNING id")
            try await app.message(again, body: "any news?", requester: alice)
            let agent = try await app.login("agent@desk.local")

            let notIncident = try await app.call(.post, "/api/v1/tickets/\(report.rawValue)/link", token: agent, json: #"{"incident_id": \#(bobs.rawValue)}"#)
            #expect(notIncident.status == .conflict)
            #expect(try await app.call(.post, "/api/v1/tickets/\(report.rawValue)/link", token: agent, json: #"{"incident_id": \#(incident)}"#).status == .noContent)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE parent_incident_id = \(incident)") == 1)
            #expect(try await app.call(.post, "/api/v1/tickets/\(report.rawValue)/unlink", token: agent).status == .noContent)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE parent_incident_id = \(incident)") == 0)

            let otherRequester = try await app.call(.post, "/api/v1/tickets/\(again.rawValue)/merge", token: agent, json: #"{"into": \#(bobs.rawValue)}"#)
            #expect(otherRequester.status == .conflict)
            #expect(try await app.call(.post, "/api/v1/tickets/\(again.rawValue)/merge", token: agent, json: #"{"into": \#(report.rawValue)}"#).status == .noContent)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(again.rawValue) AND status = 'closed'") == 1)
            #expect(try await app.int("SELECT count(*) FROM message WHERE ticket_id = \(report.rawValue) AND body = 'any news?'") == 1)

            let requester = try await app.login("alice@example.com", account: "requester")
            #expect(try await app.call(.post, "/api/v1/tickets/\(report.rawValue)/unlink", token: requester).status == .forbidden)
            let actions = try await app.auditRows().map(\.action).filter { $0.hasPrefix("ticket.") }
            #expect(actions == ["ticket.link", "ticket.unlink", "ticket.merge"])
        }
    }

    @Test func staffStepAwayAndBack() async throws {
        try await AuthFixture.with { app in
            let alice = try await app.requester("alice@example.com")
            _ = alice
            let agentID = try await app.staff("agent@desk.local", roles: [.agent])
            let agent = try await app.login("agent@desk.local")
            let away = try await app.call(.post, "/api/v1/staff/me/away", token: agent, json: #"{"away": true}"#)
            #expect(away.status == .ok && away.json["away"] as? Bool == true)
            #expect(try await app.int("SELECT count(*) FROM staff WHERE id = \(agentID.rawValue) AND is_away") == 1)
            #expect(try await app.call(.post, "/api/v1/staff/me/away", token: agent, json: #"{"away": "yes"}"#).status == .badRequest)
            let requester = try await app.login("alice@example.com", account: "requester")
            #expect(try await app.call(.post, "/api/v1/staff/me/away", token: requester, json: #"{"away": true}"#).status == .forbidden)
            #expect(try await app.auditRows().map(\.action).filter { $0 == "staff.away" }.count == 1)
        }
    }
}
