import Foundation
import SupportTesting
import Testing

struct DeploymentFilesTests {
    @Test func dockerComposeValidates() async throws {
        let root = BuiltProducts.repositoryRoot
        let result = try await CommandResult.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["docker-compose", "-f", root.appendingPathComponent("docker-compose.yml").path, "config", "-q"]
        )
        #expect(result.status == 0, "docker-compose config -q: \(result.stderr)")
    }

    @Test func composeDeclaresEveryProcessWithReplicas() throws {
        let text = try String(contentsOf: BuiltProducts.repositoryRoot.appendingPathComponent("docker-compose.yml"), encoding: .utf8)
        for service in ["postgres:", "migrate:", "api:", "worker-intake:", "worker-routing:", "worker-escalation:", "worker-arbitration:"] {
            #expect(text.contains(service), "compose lacks \(service)")
        }
        #expect(text.components(separatedBy: "replicas:").count - 1 >= 4)
    }
}
