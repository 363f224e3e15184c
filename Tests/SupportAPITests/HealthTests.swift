import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import SupportAPI
import SupportStore
import SupportTesting
import Testing

struct HealthTests {
    @Test func healthShowsDatabaseAndSchema() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                let app = Application(router: APIApplication.buildRouter(client: client, logger: db.logger))
                try await app.test(.router) { http in
                    try await http.execute(uri: "/health", method: .get) { response in
                        #expect(response.status == .ok)
                        let body = String(buffer: response.body)
                        #expect(body.contains("\"database\":\"reachable\""))
                        #expect(body.contains("\"schema\":\"schema is current\""))
                        #expect(body.contains("\"ready\":true"))
                    }
                    try await http.execute(uri: "/metrics", method: .get) { response in
                        #expect(response.status == .ok)
                        #expect(String(buffer: response.body).contains("hb_requests"))
                    }
                }
            }
        }
    }

    @Test func healthIs503WhenTheSchemaIsBehind() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                let app = Application(router: APIApplication.buildRouter(client: client, logger: db.logger))
                try await app.test(.router) { http in
                    try await http.execute(uri: "/health", method: .get) { response in
                        #expect(response.status == .serviceUnavailable)
                        #expect(String(buffer: response.body).contains("support migrate"))
                    }
                    // Not ready, but alive: liveness does not depend on the database.
                    try await http.execute(uri: "/health/live", method: .get) { response in
                        #expect(response.status == .ok)
                        #expect(String(buffer: response.body).contains("\"live\":\"true\""))
                    }
                }
            }
        }
    }
}
