import Foundation
import HTTPTypes
import SupportDomain
import SupportSchema
import SupportStore
import Testing

/// The row rules against the live API: who sees which ticket, in the list and in the detail.
struct TicketAccessTests {
    /// Everyone and everything of the scenario, by name.
    struct Scenario: Sendable {
        var tickets: [String: TicketID] = [:]
        var staff: [String: StaffID] = [:]
        var requesters: [String: RequesterID] = [:]
    }

    static let staffRoles: [String: [Role]] = [
        "owner": [.owner], "owner2": [.owner], "agent": [.agent], "moderator": [.moderator],
        "coder": [.coder], "arbiter": [.arbiter], "arbiter2": [.arbiter], "agentarbiter": [.agent, .arbiter],
    ]

    /// Who sees what (list and detail alike). Written out by hand: change only on purpose.
    static let visible: [String: Set<String>] = [
        "owner": ["plain", "payment", "complaintOwner2", "confidential", "disputeArbiter", "disputeOpen", "agentSelf", "complaintAgent"],
        // Named in complaintOwner2: never sees it, though an owner.
        "owner2": ["plain", "payment", "confidential", "disputeArbiter", "disputeOpen", "agentSelf", "complaintAgent"],
        // No complaints, no confidential, not their own request (agentSelf is the agent writing in).
        "agent": ["plain", "payment", "disputeArbiter", "disputeOpen"],
        "moderator": ["plain", "payment", "disputeArbiter", "disputeOpen", "agentSelf"],
        "coder": ["plain", "payment", "disputeArbiter", "disputeOpen", "agentSelf"],
        // Arbiters: only the disputes assigned to them.
        "arbiter": ["disputeArbiter"],
        "arbiter2": [],
        "agentarbiter": ["plain", "payment", "disputeArbiter", "disputeOpen", "agentSelf"],
        // Requesters: their own tickets, complaints and confidential ones included.
        "alice": ["plain", "complaintOwner2", "confidential", "disputeArbiter", "disputeOpen"],
        "bob": ["payment", "complaintAgent"],
    ]

    static func build(_ app: AuthFixture) async throws -> Scenario {
        var s = Scenario()
        for (name, roles) in staffRoles.sorted(by: { $0.key < $1.key }) {
            s.staff[name] = try await app.staff("\(name)@example.com", roles: roles)
        }
        s.requesters["alice"] = try await app.requester("alice@example.com")
        s.requesters["bob"] = try await app.requester("bob@example.com")
        // The agent writing in as a requester, from their staff email.
        s.requesters["agentSelf"] = try await app.requester("agent@example.com", password: false)
        let alice = s.requesters["alice"]!, bob = s.requesters["bob"]!
        s.tickets["plain"] = try await app.ticket(of: alice, subject: "plain", status: .new)
        s.tickets["payment"] = try await app.ticket(of: bob, subject: "payment", category: .payment, priority: .high)
        s.tickets["complaintOwner2"] = try await app.ticket(of: alice, subject: "complaint", category: .complaint, named: s.staff["owner2"])
        s.tickets["confidential"] = try await app.ticket(of: alice, subject: "confidential", confidential: true)
        s.tickets["disputeArbiter"] = try await app.disputeTicket(buyer: alice, seller: bob, arbiter: s.staff["arbiter"])
        s.tickets["disputeOpen"] = try await app.disputeTicket(buyer: alice, seller: bob, arbiter: nil)
        s.tickets["agentSelf"] = try await app.ticket(of: s.requesters["agentSelf"]!, subject: "my own problem", line: .l2)
        s.tickets["complaintAgent"] = try await app.ticket(of: bob, subject: "about the agent", category: nil, named: s.staff["agent"])
        return s
    }

    static func token(_ app: AuthFixture, _ who: String) async throws -> String {
        staffRoles[who] != nil
            ? try await app.login("\(who)@example.com") : try await app.login("\(who)@example.com", account: "requester")
    }

    @Test(arguments: ["owner", "owner2", "agent", "moderator", "coder", "arbiter", "arbiter2", "agentarbiter", "alice", "bob"])
    func listAndDetailShowExactlyWhatTheRulesAllow(who: String) async throws {
        try await AuthFixture.with(label: "access_\(who)") { app in
            let s = try await Self.build(app)
            let token = try await Self.token(app, who)
            let expected = Set(Self.visible[who]!.map { s.tickets[$0]!.rawValue })
            let list = try await app.call(.get, "/api/v1/tickets", token: token)
            #expect(list.status == .ok, "\(list.body)")
            #expect(Set(list.ticketIDs) == expected, "\(who): \(list.body)")
            var denied = 0
            for (name, id) in s.tickets {
                let detail = try await app.call(.get, "/api/v1/tickets/\(id)", token: token)
                if expected.contains(id.rawValue) {
                    #expect(detail.status == .ok, "\(who) → \(name): \(detail.body)")
                } else {
                    // The complaint naming them does not exist for them; other refusals say why.
                    let named = (who == "owner2" && name == "complaintOwner2") || (who == "agent" && name == "complaintAgent")
                    #expect(detail.status == (named ? .notFound : .forbidden), "\(who) → \(name): \(detail.body)")
                    #expect(detail.errorCode != nil)
                    denied += 1
                }
            }
            let audited = try await app.auditRows().filter { $0.action == "access.denied" }
            #expect(audited.count == denied)
            #expect(Set(audited.compactMap(\.targetID)).isSubset(of: Set(s.tickets.values.map(\.rawValue))))
        }
    }

    /// The list's SQL alone (before the API re-checks every row) already applies the rules, so pages
    /// are full and the re-check never has to drop anything.
    @Test func theListSQLAloneMatchesTheRules() async throws {
        try await AuthFixture.with { app in
            let s = try await Self.build(app)
            for (who, roles) in Self.staffRoles {
                let expected = Set(Self.visible[who]!.map { s.tickets[$0]! })
                let page = try await app.client.withConnection { connection in
                    try await TicketReadStore(connection: connection, logger: app.logger).staffList(
                        staff: s.staff[who]!, rules: TicketAccess.visibilityRules(for: Set(roles), action: .viewTicket),
                        filter: TicketListFilter())
                }
                #expect(Set(page.tickets.map(\.id)) == expected, "\(who)")
                // And the facts the detail decides on agree for every ticket.
                let facts = try await app.client.withConnection { connection in
                    try await TicketReadStore(connection: connection, logger: app.logger).accessFacts(Array(s.tickets.values))
                }
                for (name, id) in s.tickets {
                    let allowed = Authorization.decide(.staff(s.staff[who]!, roles: Set(roles)), action: .viewTicket, ticket: facts[id]!).isAllowed
                    #expect(allowed == expected.contains(id), "\(who) → \(name)")
                }
            }
        }
    }

    @Test func theNamedStaffMemberFindsNoSuchTicket() async throws {
        try await AuthFixture.with { app in
            let s = try await Self.build(app)
            let token = try await Self.token(app, "owner2")
            let detail = try await app.call(.get, "/api/v1/tickets/\(s.tickets["complaintOwner2"]!)", token: token)
            #expect(detail.status == .notFound && detail.errorCode == "not_found")
            #expect(!detail.body.contains("complaint about"))
            // Filtering for complaints does not bring it back.
            let list = try await app.call(.get, "/api/v1/tickets?category=complaint", token: token)
            #expect(list.ticketIDs.isEmpty, "\(list.body)")
        }
    }

    @Test func aRequesterGetsNoDeskFieldsInternalNotesOrHistory() async throws {
        try await AuthFixture.with { app in
            let s = try await Self.build(app)
            let plain = s.tickets["plain"]!
            try await app.message(plain, body: "my payout is late", requester: s.requesters["alice"])
            try await app.message(plain, body: "check with finance", isInternal: true, staff: s.staff["agent"])
            try await app.message(plain, body: "we are on it", staff: s.staff["agent"])
            _ = try await app.client.query(
                "INSERT INTO ticket_event (ticket_id, type, actor_kind, data) VALUES (\(plain.rawValue), 'routed', 'system', '{\"score\": 0.5}')",
                logger: app.logger)
            let mine = try await app.call(.get, "/api/v1/tickets/\(plain)", token: try await Self.token(app, "alice"))
            #expect(mine.status == .ok)
            #expect(mine.body.contains("we are on it") && !mine.body.contains("check with finance"))
            #expect((mine.json["events"] as? [Any])?.isEmpty == true)
            let ticket = try #require(mine.json["ticket"] as? [String: Any])
            #expect(ticket["assignee_id"] == nil && ticket["priority"] == nil && ticket["line"] == nil)
            let desk = try await app.call(.get, "/api/v1/tickets/\(plain)", token: try await Self.token(app, "agent"))
            #expect(desk.body.contains("check with finance"))
            #expect((desk.json["events"] as? [[String: Any]])?.first?["type"] as? String == "routed")
            #expect(desk.body.contains(#""score":0.5"#), "\(desk.body)")
        }
    }

    @Test func filtersAndPagesNarrowTheList() async throws {
        try await AuthFixture.with { app in
            let s = try await Self.build(app)
            let owner = try await Self.token(app, "owner")
            func ids(_ query: String) async throws -> Set<Int64> {
                let reply = try await app.call(.get, "/api/v1/tickets?\(query)", token: owner)
                #expect(reply.status == .ok, "\(query): \(reply.body)")
                return Set(reply.ticketIDs)
            }
            #expect(try await ids("status=new") == [s.tickets["plain"]!.rawValue])
            #expect(try await ids("priority=high") == [s.tickets["payment"]!.rawValue])
            #expect(try await ids("line=l2") == [s.tickets["agentSelf"]!.rawValue])
            #expect(try await ids("category=payment,complaint") == [s.tickets["payment"]!.rawValue, s.tickets["complaintOwner2"]!.rawValue])
            #expect(try await ids("assignee=none").count == 8)
            #expect(try await ids("assignee=me").isEmpty)
            #expect(try await ids("team=1").isEmpty)
            // SLA risk: overdue and due within the window, not later ones or none.
            _ = try await app.client.query(
                "UPDATE ticket SET sla_due_at = now() - interval '5 minutes' WHERE id = \(s.tickets["plain"]!.rawValue)", logger: app.logger)
            _ = try await app.client.query(
                "UPDATE ticket SET sla_due_at = now() + interval '20 minutes' WHERE id = \(s.tickets["payment"]!.rawValue)", logger: app.logger)
            _ = try await app.client.query(
                "UPDATE ticket SET sla_due_at = now() + interval '3 hours' WHERE id = \(s.tickets["agentSelf"]!.rawValue)", logger: app.logger)
            #expect(try await ids("sla_due_within=0") == [s.tickets["plain"]!.rawValue])
            #expect(try await ids("sla_due_within=30") == [s.tickets["plain"]!.rawValue, s.tickets["payment"]!.rawValue])
            // Pages of 3 walk all 8 tickets exactly once.
            var seen: [Int64] = []
            var cursor: String?
            repeat {
                let reply = try await app.call(.get, "/api/v1/tickets?limit=3" + (cursor.map { "&cursor=\($0)" } ?? ""), token: owner)
                seen += reply.ticketIDs
                cursor = reply.json["next_cursor"] as? String
            } while cursor != nil
            #expect(seen.count == 8 && Set(seen).count == 8 && seen == seen.sorted(by: >))
        }
    }

    @Test(arguments: [
        ("status=nope", "status: one of"), ("limit=0", "limit: 1 to 100"), ("limit=x", "limit"),
        ("assignee=bob", "assignee:"), ("team=-1", "team:"), ("cursor=abc", "cursor:"),
        ("sla_due_within=-5", "sla_due_within:"), ("sla_due_within=99999", "sla_due_within:"),
    ])
    func badFiltersNameTheParameter(query: String, message: String) async throws {
        try await AuthFixture.with { app in
            try await app.staff("agent@example.com", roles: [.agent])
            let reply = try await app.call(.get, "/api/v1/tickets?\(query)", token: try await app.login("agent@example.com"))
            #expect(reply.status == .badRequest && reply.body.contains(message), "\(reply.body)")
        }
    }

    @Test func unknownAndMalformedTicketIDs() async throws {
        try await AuthFixture.with { app in
            try await app.staff("agent@example.com", roles: [.agent])
            let token = try await app.login("agent@example.com")
            #expect(try await app.call(.get, "/api/v1/tickets/999999", token: token).status == .notFound)
            #expect(try await app.call(.get, "/api/v1/tickets/abc", token: token).status == .badRequest)
        }
    }
}
