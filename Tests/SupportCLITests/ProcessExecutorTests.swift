import SupportRuntime
import Testing

/// Worker processes run their tasks on the event loops, everything else on Swift's pool, unless
/// `SUPPORT_EXECUTOR` says otherwise.
struct ProcessExecutorTests {
    @Test(arguments: [
        (["support", "worker", "routing"], ProcessExecutor.eventLoops),
        (["support", "worker", "escalation", "--concurrency", "8"], .eventLoops),
        (["support", "bench", "queue-worker", "--mode", "drain"], .eventLoops),
        (["support", "bench", "queue-producer", "--count", "5"], .eventLoops),
        (["support", "api"], .swiftPool),
        (["support", "up"], .swiftPool),
        (["support", "bench", "queue"], .swiftPool),
        (["support", "migrate"], .swiftPool),
        (["support"], .swiftPool),
        (["support", "jobs", "worker"], .swiftPool),
    ])
    func defaultFollowsTheCommand(arguments: [String], expected: ProcessExecutor) throws {
        #expect(try ProcessExecutor(arguments: arguments, environment: [:]) == expected)
        #expect(try ProcessExecutor(arguments: arguments, environment: ["SUPPORT_EXECUTOR": ""]) == expected)
    }

    @Test func theVariableOverridesTheCommand() throws {
        #expect(try ProcessExecutor(arguments: ["support", "worker", "intake"], environment: ["SUPPORT_EXECUTOR": "swift"]) == .swiftPool)
        #expect(try ProcessExecutor(arguments: ["support", "api"], environment: ["SUPPORT_EXECUTOR": "NIO"]) == .eventLoops)
    }

    @Test func anUnknownValueNamesTheVariable() {
        let error = #expect(throws: ProcessExecutorError.self) {
            try ProcessExecutor(arguments: ["support", "api"], environment: ["SUPPORT_EXECUTOR": "fast"])
        }
        #expect(error?.description == "SUPPORT_EXECUTOR: expected nio or swift, got \"fast\"")
    }
}
