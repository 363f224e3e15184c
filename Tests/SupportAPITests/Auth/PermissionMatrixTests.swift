import Foundation
import HTTPTypes
import Hummingbird
import SupportAPI
import SupportDomain
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// Every `/api/v1` endpoint declares how it is guarded, and the live API is checked against that for
/// every role: a new endpoint fails `everyEndpointIsClassified` until it is listed here, so none can
/// skip the permission check unnoticed.
struct PermissionMatrixTests {
    enum Guard: Sendable, Hashable {
        /// Anyone, signed in or not.
        case open
        /// Its own shared secret (the mailgate token).
        case secret
        /// Anyone signed in, acting on their own account.
        case signedIn
        /// `Authorization.decide` with this action (and the ticket's row rules, if any).
        case action(StaffAction)
    }

    struct Endpoint: Sendable, CustomStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var guardedBy: Guard
        var description: String { "\(method.rawValue) \(path)" }
    }

    static let endpoints: [Endpoint] = [
        Endpoint(method: .get, path: "/api/v1/openapi.json", guardedBy: .open),
        Endpoint(method: .post, path: "/api/v1/auth/login", guardedBy: .open),
        Endpoint(method: .post, path: "/api/v1/inbound/web", guardedBy: .open),
        Endpoint(method: .post, path: "/api/v1/inbound/email", guardedBy: .secret),
        Endpoint(method: .post, path: "/api/v1/auth/logout", guardedBy: .signedIn),
        Endpoint(method: .get, path: "/api/v1/auth/me", guardedBy: .signedIn),
        Endpoint(method: .get, path: "/api/v1/auth/tokens", guardedBy: .signedIn),
        // One's own token; someone else's needs manage_staff (APITokenTests).
        Endpoint(method: .delete, path: "/api/v1/auth/tokens/{id}", guardedBy: .signedIn),
        Endpoint(method: .post, path: "/api/v1/staff", guardedBy: .action(.manageStaff)),
        // Staff: view_queue; requesters: view_ticket on their own (TicketAccessTests).
        Endpoint(method: .get, path: "/api/v1/tickets", guardedBy: .action(.viewQueue)),
        Endpoint(method: .get, path: "/api/v1/tickets/{id}", guardedBy: .action(.viewTicket)),
    ]

    @Test func everyEndpointIsClassified() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                let router = APIApplication.buildRouter(client: client, logger: db.logger)
                let routes = Set(router.routes.map { "\($0.method.rawValue) \(OpenAPITests.normalised($0.path.description))" }
                    .filter { $0.contains(" /api/v1") })
                #expect(routes == Set(Self.endpoints.map(\.description)))
            }
        }
    }

    @Test func anonymousCallersGet401FromEveryGuardedEndpoint() async throws {
        try await AuthFixture.with { app in
            for endpoint in Self.endpoints {
                let reply = try await app.call(endpoint.method, endpoint.path.replacingOccurrences(of: "{id}", with: "1"))
                switch endpoint.guardedBy {
                case .open: #expect(reply.status != .unauthorized, "\(endpoint)")
                case .secret: #expect(reply.status == .unauthorized || reply.status == .notFound, "\(endpoint)")
                case .signedIn, .action: #expect(reply.status == .unauthorized, "\(endpoint): \(reply.body)")
                }
            }
        }
    }

    /// Each role (and a requester) against each action-guarded endpoint, on a request that succeeds
    /// when allowed: 403 exactly when `Authorization` denies, and then an audited denial.
    @Test(arguments: Role.allCases)
    func everyRoleIsAllowedOrDeniedAsTheTableSays(role: Role) async throws {
        try await AuthFixture.with(label: "matrix_\(role.rawValue)") { app in
            let principal: Principal
            let token: String
            let requester: RequesterID
            if role == .requester {
                requester = try await app.requester("someone@example.com")
                principal = .requester(requester)
                token = try await app.login("someone@example.com", account: "requester")
            } else {
                requester = try await app.requester("customer@example.com")
                let staff = try await app.staff("someone@example.com", roles: [role])
                principal = .staff(staff, roles: [role])
                token = try await app.login("someone@example.com")
            }
            let ticket = try await app.ticket(of: requester)
            let facts = try await app.client.withConnection { connection in
                try await TicketReadStore(connection: connection, logger: app.logger).accessFacts(ticket)
            }
            for endpoint in Self.endpoints {
                guard case .action(let action) = endpoint.guardedBy else { continue }
                let reply: AuthFixture.Reply
                let decision: AccessDecision
                switch endpoint.path {
                case "/api/v1/staff":
                    reply = try await app.call(.post, endpoint.path, token: token, json: #"{"name": "N", "email": "new@example.com", "roles": ["agent"]}"#)
                    decision = Authorization.decide(principal, action: action)
                case "/api/v1/tickets":
                    reply = try await app.call(.get, endpoint.path, token: token)
                    decision = Authorization.decide(principal, action: role == .requester ? .viewTicket : action)
                case "/api/v1/tickets/{id}":
                    reply = try await app.call(.get, "/api/v1/tickets/\(ticket)", token: token)
                    decision = Authorization.decide(principal, action: action, ticket: facts)
                default:
                    Issue.record("no sample request for \(endpoint)")
                    continue
                }
                if decision.isAllowed {
                    #expect(reply.status.code / 100 == 2, "\(role) \(endpoint): \(reply.status) \(reply.body)")
                } else {
                    #expect(reply.status == .forbidden, "\(role) \(endpoint): \(reply.status) \(reply.body)")
                }
            }
            // One audited denial per refused request.
            let denials = try await app.int("SELECT count(*) FROM audit_log WHERE action = 'access.denied'")
            let expected = Self.endpoints.filter { endpoint in
                guard case .action(let action) = endpoint.guardedBy else { return false }
                switch endpoint.path {
                case "/api/v1/tickets": return !Authorization.decide(principal, action: role == .requester ? .viewTicket : action).isAllowed
                case "/api/v1/tickets/{id}": return !Authorization.decide(principal, action: action, ticket: facts).isAllowed
                default: return !Authorization.decide(principal, action: action).isAllowed
                }
            }.count
            #expect(denials == Int64(expected))
        }
    }
}
