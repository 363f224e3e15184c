import Foundation
import Hummingbird
import JobQueue
import SupportDomain
import SupportSchema
import SupportStore

/// `GET /console/ops` (`operate_queue`: coders and owners): each queue's depth by state and the age of
/// its oldest ready job, the worker processes with their heartbeats and the jobs they hold, and the
/// dead jobs, each with a retry button (`POST /console/ops/dead/{id}/retry`, audited `job.retry`).
/// The same figures as `support jobs stats` and `/metrics`, for people without a shell.
struct OpsPage: Sendable {
    let console: ConsolePages

    var admin: JobAdmin { JobAdmin(client: console.database.client, logger: console.database.logger) }

    func add(to router: Router<APIRequestContext>) {
        router.get("console/ops") { request, context in
            guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
            try await console.authorizer.authorize(
                session.principal, .operateQueue, target: AuditTarget(type: "queue", id: nil), logger: session.context.logger)
            return try await render(session, flash: request.uri.queryParameters.get("retried").map { "\(session.words["retried"] ?? "") \($0)" })
        }
        router.post("console/ops/dead/{id}/retry") { request, context in
            guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
            guard try await PageGate.decode(PageGate.CSRFForm.self, from: request).csrf == session.page.csrf else { return PageGate.csrfRefused() }
            guard let raw = context.parameters.get("id"), let value = Int64(raw), value > 0 else {
                throw APIError(.badRequest, code: "invalid_parameter", message: "id: a job id")
            }
            let logger = session.context.logger
            try await console.authorizer.authorize(
                session.principal, .operateQueue, target: AuditTarget(type: "job", id: value), logger: logger)
            do {
                try await admin.retry(JobID(value))
            } catch let error as JobQueueError {
                return try await render(session, error: error.description, status: error.code == .notFound ? .notFound : .conflict)
            }
            try await console.database.transaction { connection in
                try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                    actorStaffID: session.staff, actorRole: session.principal.auditRole.rawValue, action: "job.retry",
                    targetType: "job", targetID: value))
            }
            return PageRenderer.redirect("/console/ops?retried=\(value)")
        }
    }

    func render(_ session: ConsoleSession, flash: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        async let stats = admin.stats()
        async let workers = admin.workers()
        async let dead = admin.list(state: .dead, limit: 50)
        let (queues, processes, buried) = try await (stats, workers, dead)
        var values = session.base(title: session.words["nav_ops"] ?? "", current: "ops")
        values.merge([
            "queues": queues.map { queue -> [String: Any] in
                ["queue": queue.queue, "ready": queue.ready, "running": queue.running, "scheduled": queue.scheduled, "dead": queue.dead,
                 "age": String(format: "%.1f s", queue.oldestReadyAge), "late": queue.oldestReadyAge > 60]
            },
            "workers": processes.map { worker -> [String: Any] in
                ["id": worker.id, "queues": worker.queues.joined(separator: ", "), "pid": worker.pid, "host": worker.host,
                 "started": PageFormat.time(worker.startedAt), "heartbeat": String(format: "%.1f s", worker.heartbeatAge),
                 "stale": worker.heartbeatAge > 10, "running": worker.running]
            },
            "dead": buried.map { job -> [String: Any] in
                ["id": job.id.rawValue, "queue": job.queue, "kind": job.kind, "attempt": job.attempt, "reason": job.deadReason ?? "",
                 "error": String((job.lastError ?? "").prefix(300)), "died": job.diedAt.map(PageFormat.time) ?? ""]
            },
            "hasDead": !buried.isEmpty,
        ]) { $1 }
        if let flash { values["flash"] = flash }
        if let error { values["error"] = error }
        return console.renderer.page("console_ops", locale: session.locale, values: values, status: status)
    }
}
