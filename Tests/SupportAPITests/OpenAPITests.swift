import Foundation
import Hummingbird
import HummingbirdTesting
import SupportAPI
import SupportStore
import SupportTesting
import Testing

/// The checked-in OpenAPI document and the router agree on every `/api/v1` route, both ways.
struct OpenAPITests {
    static func documentRoutes() throws -> Set<String> {
        let json = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.data) as? [String: Any])
        #expect(json["openapi"] as? String == "3.1.0")
        let paths = try #require(json["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
        return Set(paths.flatMap { path, operations in
            operations.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
        })
    }

    /// `:id` and `{id}` both become `{id}`.
    static func normalised(_ path: String) -> String {
        let parts = path.split(separator: "/").map { part in
            part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    @Test func everyAPIRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                let router = APIApplication.buildRouter(client: client, logger: db.logger)
                let routes = Set(router.routes.map { "\($0.method.rawValue) \(Self.normalised($0.path.description))" }
                    .filter { $0.contains(" /api/v1") })
                let documented = try Self.documentRoutes()
                #expect(routes.count >= 8)
                #expect(routes.subtracting(documented).isEmpty, "undocumented: \(routes.subtracting(documented).sorted())")
                #expect(documented.subtracting(routes).isEmpty, "documented but missing: \(documented.subtracting(routes).sorted())")
            }
        }
    }

    @Test func theDocumentIsServed() async throws {
        try await AuthFixture.with { app in
            let reply = try await app.call(.get, "/api/v1/openapi.json")
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType] == "application/json")
            #expect(Data(reply.body.utf8) == OpenAPIDocument.data)
        }
    }
}
