import Foundation
import Hummingbird
import JobQueue
import SupportDomain
import SupportSchema
import SupportStore

/// The console's ops page (coders and owners): queue depths, the oldest ready job, dead jobs with an
/// audited retry, and the worker processes with their heartbeats — all read through `JobAdmin`, the
/// same code `support jobs` uses.
struct OpsPages: Sendable {
    let console: ConsolePages

    func add(to router: Router<APIRequestContext>) {
        router.get("console/ops") { request, context in try await page(request, context: context) }
        router.post("console/ops/jobs/{job}/retry") { request, context in try await retry(request, context: context) }
    }

    /// Coders and owners only; anyone else gets an audited 403.
    private func allowed(_ session: ConsoleSession) async throws {
        guard session.roles.contains(.coder) || session.roles.contains(.owner) else {
            try await console.authorizer.deny(session.principal, code: "ops_only", message: "the ops page is for coders and owners",
                                              action: nil, target: AuditTarget(type: "ops", id: nil), logger: session.context.logger)
        }
    }

    func page(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
        try await allowed(session)
        let admin = JobAdmin(client: console.database.client, logger: session.context.logger)
        let stats = try await admin.stats()
        let dead = try await admin.list(state: .dead, limit: 50)
        let workers = try await admin.workers()
        let words = session.words
        var values = session.base(title: words["nav_ops"] ?? "", current: "ops")
        values.merge([
            "queues": stats.map { stat -> [String: Any] in
                ["queue": stat.queue, "ready": stat.ready, "running": stat.running, "scheduled": stat.scheduled, "dead": stat.dead,
                 "oldest": Self.seconds(stat.oldestReadyAge)]
            },
            "hasQueues": !stats.isEmpty,
            "dead": dead.map { job -> [String: Any] in
                ["id": job.id.rawValue, "queue": job.queue, "kind": job.kind, "attempt": job.attempt,
                 "reason": job.deadReason ?? "", "error": job.lastError ?? "", "at": job.diedAt.map(PageFormat.time) ?? ""]
            },
            "hasDead": !dead.isEmpty,
            "workers": workers.map { worker -> [String: Any] in
                ["id": worker.id, "host": worker.host, "pid": worker.pid, "queues": worker.queues.joined(separator: ", "),
                 "heartbeat": Self.seconds(worker.heartbeatAge), "stale": worker.heartbeatAge > 60]
            },
            "hasWorkers": !workers.isEmpty,
        ]) { $1 }
        switch request.uri.queryParameters.get("retried") {
        case "1": values["flash"] = words["ops_retried"]
        case "0": values["error"] = words["ops_retry_failed"]
        default: break
        }
        return console.renderer.page("console_ops", locale: session.locale, values: values)
    }

    func retry(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
        guard try await PageGate.decode(PageGate.CSRFForm.self, from: request).csrf == session.page.csrf else { return PageGate.csrfRefused() }
        try await allowed(session)
        guard let raw = context.parameters.get("job"), let id = JobID(raw) else {
            throw APIError(.badRequest, code: "invalid_parameter", message: "job: a job id")
        }
        let logger = session.context.logger
        do {
            try await JobAdmin(client: console.database.client, logger: logger).retry(id)
        } catch let error as JobQueueError {
            logger.notice("ops retry refused", metadata: ["job": "\(id.rawValue)", "why": "\(error.message)"])
            return PageRenderer.redirect("/console/ops?retried=0")
        }
        let principal = session.principal
        _ = try await console.database.transaction { connection in
            try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                actorStaffID: principal.staffID, actorRole: principal.auditRole.rawValue, action: "job.retry",
                targetType: "job", targetID: id.rawValue))
        }
        return PageRenderer.redirect("/console/ops?retried=1")
    }

    /// "42 s", "3 min", "2 h": an age short enough for a table cell.
    static func seconds(_ value: Double) -> String {
        switch value {
        case ..<120: "\(Int(value)) s"
        case ..<7200: "\(Int(value / 60)) min"
        default: "\(Int(value / 3600)) h"
        }
    }
}
