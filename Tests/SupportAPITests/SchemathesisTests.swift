import Foundation
import HummingbirdTesting
import SupportAPI
import SupportSchema
import SupportTesting
import Testing

/// Schemathesis (PyPI; `Deploy/local/test.sh` installs it into `.data/venv`) fuzzes the live API from
/// the checked-in OpenAPI document: no 5xx, every response as documented, schema-valid requests
/// accepted and schema-violating ones refused. Seeded, so a failure reproduces.
struct SchemathesisTests {
    static let mailgateToken = "mailgate-test-token"

    /// `st` on PATH, or nil.
    static func executable() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("st")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    @Test(.timeLimit(.minutes(10)))
    func theLiveAPIKeepsItsDocument() async throws {
        let st = try #require(
            Self.executable(), "schemathesis (`st`) is not on PATH: run the tests through Deploy/local/test.sh, which installs it")
        var configuration = AuthFixture.configuration()
        configuration.mailgateToken = Self.mailgateToken
        try await AuthFixture.with(configuration: configuration, live: true) { app in
            try await app.staff("owner@example.com", roles: [.owner])
            let alice = try await app.requester("alice@example.com")
            for n in 0..<3 { try await app.ticket(of: alice, subject: "ticket \(n)") }
            let token = try await app.login("owner@example.com")
            let port = try #require(app.http.port)
            // From a file (the same bytes the API serves, see OpenAPITests): the mailgate's token is
            // no session, so fetching the document with it would be refused.
            let document = FileManager.default.temporaryDirectory.appendingPathComponent("openapi-\(UUID().uuidString).json")
            try OpenAPIDocument.data.write(to: document)
            defer { try? FileManager.default.removeItem(at: document) }
            let common = [
                "run", document.path, "--url", "http://127.0.0.1:\(port)", "--checks", "all", "--max-examples", "15",
                "--seed", "7", "--workers", "1", "--no-color", "--generation-database", "none",
            ]
            // Signing out or revoking would end the run's own session; the mailgate has its own token.
            let passes: [(String, [String])] = [
                ("staff API", common + [
                    "-H", "Authorization: Bearer \(token)", "--exclude-operation-id", "logout",
                    "--exclude-operation-id", "revokeToken", "--exclude-operation-id", "inboundEmail",
                ]),
                ("mailgate", common + [
                    "-H", "Authorization: Bearer \(Self.mailgateToken)", "--include-operation-id", "inboundEmail",
                    "--phases", "examples,coverage,fuzzing",
                ]),
            ]
            for (name, arguments) in passes {
                let result = try await CommandResult.run(
                    st, arguments, environment: ["SCHEMATHESIS_TELEMETRY": "false"], timeout: .seconds(300))
                #expect(result.status == 0, "\(name): \(String(result.stdout.suffix(6000)))\(String(result.stderr.suffix(2000)))")
                #expect(result.stdout.contains(" generated"), "\(name) ran no test cases: \(String(result.stdout.suffix(2000)))")
            }
        }
    }
}
