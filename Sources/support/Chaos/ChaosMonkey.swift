import Foundation
import JobQueue
import Logging
import PostgresNIO
import Synchronization

/// The chaos: kills a random worker process with SIGKILL every `killEvery`, cuts the workers' LISTEN
/// connections with `pg_terminate_backend` every `listenCutEvery`, and restarts PostgreSQL once when
/// `restartWhen` first holds. For every kill of a worker that held jobs it measures the rescue time:
/// from the kill until none of the dead worker's jobs is still marked running under its id, as the
/// database logged it (the last `job_worker_lost.lost_at` of that id). Polling for it instead counted
/// this process's own stalls: under the run's load its checks and kills once paused for ~30 s.
final class ChaosMonkey: Sendable {
    let client: PostgresClient
    let killEvery: Duration
    let listenCutEvery: Duration
    let restartCommand: String
    let logger: Logger

    struct Tally: Sendable {
        var kills = 0
        var killsHoldingJobs = 0
        var listenCuts = 0
        var restarts = 0
        var restartSeconds = 0.0
        /// Per kill that held jobs: seconds from the kill until its jobs were released, and when the kill
        /// happened (seconds since the chaos began), to tell a slow rescue near the restart from others.
        var rescues: [(seconds: Double, killedAt: Double)] = []
        /// When the restart command started, in seconds since the chaos began.
        var restartAt: Double?
    }

    /// A killed worker whose jobs are not rescued yet.
    struct Victim: Sendable {
        var workerIDs: [String]
        var killedAt: ContinuousClock.Instant
        /// The same instant on the wall clock, which the database's `now()` shares on this machine.
        var killedAtDate: Date
    }

    let tally = Mutex(Tally())
    private let began = ContinuousClock.now
    private let victims = Mutex<[Victim]>([])

    init(client: PostgresClient, killEvery: Duration, listenCutEvery: Duration, restartCommand: String, logger: Logger) {
        self.client = client
        self.killEvery = killEvery
        self.listenCutEvery = listenCutEvery
        self.restartCommand = restartCommand
        self.logger = logger
    }

    /// Runs until cancelled.
    func run(restartWhen: @escaping @Sendable () -> Bool) async {
        await withDiscardingTaskGroup { group in
            if killEvery > .zero { group.addTask { await self.every(self.killEvery) { await self.killOne() } } }
            if listenCutEvery > .zero { group.addTask { await self.every(self.listenCutEvery) { await self.cutListens() } } }
            group.addTask { await self.every(.milliseconds(250)) { await self.checkRescues() } }
            if !restartCommand.isEmpty {
                group.addTask {
                    while !Task.isCancelled, !restartWhen() { try? await Task.sleep(for: .milliseconds(100)) }
                    if !Task.isCancelled { await self.restartPostgres() }
                }
            }
        }
    }

    /// After the chaos: waits up to `timeout` for the last kills' jobs to be rescued; returns how many never were.
    func finishRescues(timeout: Duration) async -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline, !Task.isCancelled, !victims.withLock({ $0.isEmpty }) {
            await checkRescues()
            try? await Task.sleep(for: .milliseconds(250))
        }
        return victims.withLock { $0.count }
    }

    private func every(_ interval: Duration, _ action: @Sendable () async -> Void) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            if Task.isCancelled { return }
            await action()
        }
    }

    private func killOne() async {
        guard let pid = WorkerProcesses.children().randomElement() else { return }
        // The worker's queue ids, read while it lives (its heartbeat row goes once it is rescued).
        let ids = (try? await rows("SELECT id FROM job_worker WHERE pid = \(pid)").map { try $0.decode(String.self) }) ?? []
        guard kill(pid, SIGKILL) == 0 else { return }
        let killedAt = ContinuousClock.now
        let killedAtDate = Date()
        let held = (try? await running(ids)) ?? 0
        tally.withLock {
            $0.kills += 1
            if held > 0 { $0.killsHoldingJobs += 1 }
        }
        if held > 0 { victims.withLock { $0.append(Victim(workerIDs: ids, killedAt: killedAt, killedAtDate: killedAtDate)) } }
    }

    private func checkRescues() async {
        for victim in victims.withLock({ $0 }) {
            guard let held = try? await running(victim.workerIDs), held == 0 else { continue }
            let observed = (ContinuousClock.now - victim.killedAt).seconds
            let logged = try? await lastLoss(of: victim.workerIDs, since: victim.killedAtDate)
            let seconds = logged.map { min(observed, max(0, $0.timeIntervalSince(victim.killedAtDate))) } ?? observed
            victims.withLock { $0.removeAll { $0.workerIDs == victim.workerIDs } }
            let killedAt = (victim.killedAt - began).seconds
            tally.withLock { $0.rescues.append((seconds, killedAt)) }
        }
    }

    /// When the rescuer last gave back jobs of these worker ids, if it did since `date`.
    private func lastLoss(of workerIDs: [String], since date: Date) async throws -> Date? {
        try await rows(
            "SELECT max(lost_at) FROM job_worker_lost WHERE worker_id = ANY(\(workerIDs)) AND lost_at >= \(date)"
        ).first?.decode(Date?.self)
    }

    private func running(_ workerIDs: [String]) async throws -> Int {
        try await rows("SELECT count(*)::int FROM job WHERE state = 1 AND owner = ANY(\(workerIDs))").first?.decode(Int.self) ?? 0
    }

    /// Runs a query, given up after 10 s: right after the restart a pooled query can go unanswered for good
    /// (``AbandonableCall``), which once stopped the whole chaos driver.
    private func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await client.guardedQuery(query, logger: logger, limit: .seconds(10))
    }

    private func cutListens() async {
        let sql: PostgresQuery = """
            SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'jobqueue-listen'
            """
        if let cut = try? await rows(sql).first?.decode(Int.self) {
            tally.withLock { $0.listenCuts += cut }
        }
    }

    private func restartPostgres() async {
        writeLine("chaos: restarting PostgreSQL: \(restartCommand)")
        let started = ContinuousClock.now
        tally.withLock { $0.restartAt = (started - began).seconds }
        let status: Int32
        do {
            status = try await ShellCommand.run(restartCommand)
        } catch {
            writeLine("chaos: cannot run the restart command: \(error)")
            return
        }
        let seconds = (ContinuousClock.now - started).seconds
        writeLine("chaos: PostgreSQL restart command exited \(status) after \(String(format: "%.1f", seconds)) s")
        if status == 0 { tally.withLock { $0.restarts += 1; $0.restartSeconds = seconds } }
    }
}
