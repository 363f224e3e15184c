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

    /// Every Kubernetes manifest parses, and there is a Deployment and a KEDA ScaledObject (PostgreSQL
    /// scaler on the queue's depth) per worker kind, and a Job for the migrations.
    @Test func kubernetesManifestsParseAndCoverEveryWorker() async throws {
        let script = """
            import glob, sys, yaml
            kinds = {}
            for path in sorted(glob.glob(sys.argv[1] + "/*.yaml")):
                for doc in yaml.safe_load_all(open(path)):
                    if doc:
                        kinds.setdefault(doc["kind"], []).append(doc)
            deployments = {d["metadata"]["name"] for d in kinds["Deployment"]}
            scaled = {s["spec"]["scaleTargetRef"]["name"]: s["spec"]["triggers"][0] for s in kinds["ScaledObject"]}
            for kind in ["intake", "routing", "escalation", "arbitration"]:
                name = "support-worker-" + kind
                assert name in deployments, name
                assert scaled[name]["type"] == "postgresql", name
                assert "FROM job WHERE queue IN" in scaled[name]["metadata"]["query"], name
                assert scaled[name]["metadata"]["connectionFromEnv"] == "DATABASE_URL", name
            assert "support-api" in deployments
            assert [j["spec"]["template"]["spec"]["containers"][0]["args"] for j in kinds["Job"]] == [["migrate"]]
            print("ok")
            """
        let directory = BuiltProducts.repositoryRoot.appendingPathComponent("Deploy/k8s").path
        let result = try await CommandResult.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, directory])
        #expect(result.status == 0 && result.stdout.contains("ok"), "\(result.stdout)\(result.stderr)")
    }

    /// The systemd units pass `systemd-analyze verify` (with the binary path pointed at one that exists),
    /// including an instance of the templated worker unit.
    @Test func systemdUnitsVerify() async throws {
        let source = BuiltProducts.repositoryRoot.appendingPathComponent("Deploy/systemd")
        let scratch = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("units-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let units = try FileManager.default.contentsOfDirectory(atPath: source.path).filter { $0.hasSuffix(".service") || $0.hasSuffix(".target") }
        #expect(units.contains("support-worker@.service"))
        for unit in units {
            let text = try String(contentsOf: source.appendingPathComponent(unit), encoding: .utf8)
            let name = unit == "support-worker@.service" ? "support-worker@routing.service" : unit
            try text.replacingOccurrences(of: "/usr/local/bin/support", with: "/bin/true")
                .write(to: scratch.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let paths = try FileManager.default.contentsOfDirectory(atPath: scratch.path).map { scratch.appendingPathComponent($0).path }
        let result = try await CommandResult.run(URL(fileURLWithPath: "/usr/bin/env"), ["systemd-analyze", "verify", "--man=no"] + paths)
        #expect(result.status == 0, "systemd-analyze verify: \(result.stderr)")
        #expect(!result.stderr.contains("support"), "systemd-analyze verify: \(result.stderr)")
    }
}
