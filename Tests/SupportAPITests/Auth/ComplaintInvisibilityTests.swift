import Foundation
import HTTPTypes
import SupportAPI
import SupportSchema
import Testing

/// A complaint about a staff member does not exist for that member on any API path: listing with any
/// filter, the detail, every action on it, the requester's account view. Another owner sees it.
struct ComplaintInvisibilityTests {
    /// Every documented route about tickets or requesters, with the request that would touch the complaint.
    static func requests(complaint: Int64, other: Int64, incident: Int64, requester: Int64, colleague: Int64)
        -> [String: (HTTPRequest.Method, String, String?)]
    {
        [
            "GET /api/v1/tickets/{id}": (.get, "/api/v1/tickets/\(complaint)", nil),
            "POST /api/v1/tickets/{id}/messages": (.post, "/api/v1/tickets/\(complaint)/messages", #"{"body": "hello"}"#),
            "POST /api/v1/tickets/{id}/escalate": (.post, "/api/v1/tickets/\(complaint)/escalate", #"{"direction": "down", "reason": "x"}"#),
            "POST /api/v1/tickets/{id}/fixed": (.post, "/api/v1/tickets/\(complaint)/fixed", #"{"note": "x"}"#),
            "POST /api/v1/tickets/{id}/assign": (.post, "/api/v1/tickets/\(complaint)/assign", #"{"staff_id": \#(colleague)}"#),
            "POST /api/v1/tickets/{id}/link": (.post, "/api/v1/tickets/\(complaint)/link", #"{"incident_id": \#(incident)}"#),
            "POST /api/v1/tickets/{id}/unlink": (.post, "/api/v1/tickets/\(complaint)/unlink", nil),
            "POST /api/v1/tickets/{id}/merge": (.post, "/api/v1/tickets/\(complaint)/merge", #"{"into": \#(other)}"#),
            "POST /api/v1/tickets/{id}/apply-macro": (.post, "/api/v1/tickets/\(complaint)/apply-macro", #"{"macro_id": 1}"#),
            "GET /api/v1/tickets/{id}/suggestions": (.get, "/api/v1/tickets/\(complaint)/suggestions", nil),
            "POST /api/v1/tickets/{id}/draft-reply": (.post, "/api/v1/tickets/\(complaint)/draft-reply", nil),
            "POST /api/v1/tickets/{id}/confidential": (.post, "/api/v1/tickets/\(complaint)/confidential", #"{"confidential": true}"#),
            "POST /api/v1/tickets/{id}/csat": (.post, "/api/v1/tickets/\(complaint)/csat", #"{"score": 5}"#),
            "POST /api/v1/tickets/{id}/appeal-decision":
                (.post, "/api/v1/tickets/\(complaint)/appeal-decision", #"{"outcome": "lift", "reasons": "x"}"#),
        ]
    }

    /// List queries that would match the complaint if it were shown.
    static let listings = [
        "", "?category=complaint", "?line=l3", "?status=new", "?priority=high", "?assignee=none", "?limit=100",
    ]

    /// Routes that list or act on requesters, checked separately below.
    static let requesterRoutes: Set<String> = ["GET /api/v1/requesters/{id}", "POST /api/v1/requesters/{id}/merge", "GET /api/v1/tickets"]

    @Test func everyTicketAndRequesterRouteIsCovered() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.data) as? [String: Any])
        let paths = try #require(json["paths"] as? [String: [String: Any]])
        let documented = paths.flatMap { path, operations in
            operations.keys.filter { ["get", "post", "patch", "put", "delete"].contains($0) }.map { "\($0.uppercased()) \(path)" }
        }.filter { $0.contains("/tickets") || $0.contains("/requesters") }
        let covered = Set(Self.requests(complaint: 1, other: 2, incident: 3, requester: 4, colleague: 5).keys).union(Self.requesterRoutes)
        #expect(Set(documented).subtracting(covered).isEmpty, "add these routes to ComplaintInvisibilityTests: \(Set(documented).subtracting(covered))")
    }

    @Test(arguments: [[Role.owner], [Role.agent, Role.coder]])
    func theNamedStaffMemberNeverSeesTheComplaint(roles: [Role]) async throws {
        try await AuthFixture.with(label: "complaint_\(roles.map(\.rawValue).joined())") { app in
            try await app.staff("named@example.com", roles: roles)
            let named = try await app.int("SELECT id FROM staff WHERE email = 'named@example.com'")
            try await app.staff("other-owner@example.com", roles: [.owner])
            let colleague = try await app.staff("colleague@example.com", roles: [.agent])
            let alice = try await app.requester("alice@example.com")
            let complaint = try await app.ticket(
                of: alice, subject: "Rude answers from named", category: .complaint, named: StaffID(named), status: .new,
                priority: .high, line: .l3)
            try await app.message(complaint, body: "the secret details of the complaint", requester: alice)
            let other = try await app.ticket(of: alice, subject: "an ordinary question")
            let incident = try await app.int(
                "INSERT INTO ticket (channel, subject, category, status, line, is_incident) VALUES ('web', 'Down', 'technical', 'escalated', 'l2', true) RETURNING id")
            let token = try await app.login("named@example.com")

            for query in Self.listings {
                let page = try await app.call(.get, "/api/v1/tickets\(query)", token: token)
                #expect(!page.ticketIDs.contains(complaint.rawValue), "listing \(query)")
                #expect(!page.body.contains("Rude answers"), "listing \(query)")
            }
            for (route, (method, path, body)) in Self.requests(
                complaint: complaint.rawValue, other: other.rawValue, incident: incident, requester: alice.rawValue,
                colleague: colleague.rawValue)
            {
                let reply = try await app.call(method, path, token: token, json: body)
                #expect(reply.status == .notFound, "\(route): \(reply.status) \(reply.body)")
                #expect(!reply.body.contains("Rude") && !reply.body.contains("secret") && !reply.body.contains("complaint"), "\(route): \(reply.body)")
            }
            // The requester's account view (staff may open it) lists the other ticket only.
            let account = try await app.call(.get, "/api/v1/requesters/\(alice.rawValue)", token: token)
            if account.status == .ok {
                let shown = ((account.json["tickets"] as? [[String: Any]]) ?? []).compactMap { ($0["id"] as? NSNumber)?.int64Value }
                #expect(shown == [other.rawValue], "\(account.body)")
                #expect(!account.body.contains("Rude"))
            } else {
                #expect(account.status == .forbidden, "only a role without view_ticket is refused: \(account.body)")
            }
            // Nothing changed on it.
            #expect(try await app.int("SELECT count(*) FROM message WHERE ticket_id = \(complaint.rawValue)") == 1)
            #expect(try await app.int("SELECT count(*) FROM ticket WHERE id = \(complaint.rawValue) AND assignee_id IS NULL AND parent_incident_id IS NULL") == 1)

            // Another owner sees it everywhere.
            let owner = try await app.login("other-owner@example.com")
            #expect(try await app.call(.get, "/api/v1/tickets/\(complaint.rawValue)", token: owner).status == .ok)
            #expect(try await app.call(.get, "/api/v1/tickets?category=complaint", token: owner).ticketIDs == [complaint.rawValue])
        }
    }
}
