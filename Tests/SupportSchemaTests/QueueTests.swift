import SupportSchema
import Testing

struct QueueTests {
    @Test func workersConsumeTheirQueues() {
        #expect(WorkerKind.intake.queues == ["intake"])
        #expect(WorkerKind.routing.queues == ["routing"])
        #expect(WorkerKind.escalation.queues == ["sla", "notify", "reports"])
        #expect(WorkerKind.arbitration.queues == ["dispute"])
        #expect(WorkerKind.allCases.map(\.rawValue) == ["intake", "routing", "escalation", "arbitration"])
    }

    @Test func everyQueueHasExactlyOneWorkerKind() {
        let consumed = WorkerKind.allCases.flatMap(\.queues)
        #expect(Set(consumed) == Set(QueueName.all))
        #expect(consumed.count == QueueName.all.count)
        #expect(WorkerKind.consuming(.notify) == .escalation)
        #expect(WorkerKind.consuming("nope") == nil)
    }

    @Test func queueNamesAreLowerCase() {
        for queue in QueueName.all {
            #expect(queue.rawValue == queue.rawValue.lowercased())
        }
    }

    @Test func payloadsNameTheirQueues() {
        #expect(IntakeJob.queue == .intake)
        #expect(RoutingJob.queue == .routing)
        #expect(SLAJob.queue == .sla)
        #expect(NotifyJob.queue == .notify)
        #expect(DisputeJob.queue == .dispute)
        #expect(ReportRollupJob.queue == .reports && ReportRollupJob.kind == "report_rollup")
        #expect(FAQBotWaitJob.queue == .intake, "the intake worker owns the FAQ bot")
        #expect(FAQBotWaitJob.kind == "faq_bot_wait")
        #expect([IntakeJob.kind, RoutingJob.kind, SLAJob.kind, NotifyJob.kind, DisputeJob.kind]
            == ["intake", "routing", "sla", "notify", "dispute"])
    }
}
