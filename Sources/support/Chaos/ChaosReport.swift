import Foundation
import Logging
import PostgresNIO

/// What the chaos run checks at the end, read from the database and the Telegram sink.
struct ChaosReport: Sendable {
    var tickets = 0
    /// Updates the API never accepted within the feeder's 5 minutes.
    var notAccepted = 0
    /// Accepted updates without a ticket: no inbound item, or one never turned into a ticket.
    var lost = 0
    /// Tickets beyond one per update: a ticket of a chaos requester no inbound item points at, or
    /// two items sharing one ticket.
    var duplicated = 0
    var doublyAssigned = 0
    var unassigned = 0
    var telegramDeliveries = 0
    /// Deliveries beyond one per notification (same chat and text sent again).
    var duplicateDeliveries = 0
    var notificationsPending = 0
    var stuckJobs = 0
    /// Who holds the stuck jobs: `queue:owner×count`, to tell a hung live worker from a missed rescue.
    var stuckOwners: [String] = []
    var deadJobs = 0
    var kills = 0
    var killsHoldingJobs = 0
    var unrescued = 0
    var longestRescue = 0.0
    var medianRescue = 0.0
    /// The three slowest rescues: seconds, and when the kill happened (seconds into the chaos).
    var slowestRescues: [(seconds: Double, killedAt: Double)] = []
    var restartAt: Double?
    var listenCuts = 0
    var restarts = 0
    var restartSeconds = 0.0
    var resends = 0

    static let rescueTarget = 15.0

    var passed: Bool {
        notAccepted == 0 && lost == 0 && duplicated == 0 && doublyAssigned == 0 && duplicateDeliveries == 0
            && notificationsPending == 0 && stuckJobs == 0 && deadJobs == 0 && unrescued == 0 && longestRescue < Self.rescueTarget
    }

    /// Reads the database's side of the checks; the chaos requesters are the Telegram users 10⁹+k.
    static func collect(client: PostgresClient, sink: [ChaosTelegramSink.Delivery], logger: Logger) async throws -> ChaosReport {
        var report = ChaosReport()
        func count(_ sql: PostgresQuery) async throws -> Int {
            try await client.query(sql, logger: logger).collect().first?.decode(Int.self) ?? 0
        }
        report.lost = try await count("""
            SELECT count(*)::int FROM requester_identity ri
            WHERE ri.channel = 'telegram' AND ri.external_id::bigint >= 1000000000
              AND NOT EXISTS (SELECT 1 FROM ticket t JOIN inbound_item i ON i.ticket_id = t.id WHERE t.requester_id = ri.requester_id)
            """)
        report.duplicated = try await count("""
            SELECT count(*)::int FROM ticket t JOIN requester_identity ri ON ri.requester_id = t.requester_id
            WHERE ri.channel = 'telegram' AND ri.external_id::bigint >= 1000000000 AND NOT t.is_incident
              AND NOT EXISTS (SELECT 1 FROM inbound_item i WHERE i.ticket_id = t.id)
            """) + count("SELECT (count(ticket_id) - count(DISTINCT ticket_id))::int FROM inbound_item WHERE channel = 'telegram'")
        report.doublyAssigned = try await count("""
            SELECT count(*)::int FROM (SELECT ticket_id FROM ticket_event WHERE type = 'assigned' GROUP BY 1 HAVING count(*) > 1) d
            """)
        report.unassigned = try await count("SELECT count(*)::int FROM ticket WHERE assignee_id IS NULL AND status NOT IN ('resolved', 'closed')")
        report.notificationsPending = try await count("SELECT count(*)::int FROM notification WHERE status IN ('pending', 'failed')")
        report.stuckJobs = try await count("""
            SELECT count(*)::int FROM job WHERE state IN (0, 1) OR (state = 2 AND run_at < now() - interval '30 seconds')
            """)
        report.deadJobs = try await count("SELECT count(*)::int FROM job_dead")
        report.stuckOwners = try await client.query("""
            SELECT queue || ':' || coalesce(owner, '-') || '×' || count(*) FROM job
            WHERE state IN (0, 1) OR (state = 2 AND run_at < now() - interval '30 seconds') GROUP BY queue, owner ORDER BY 1
            """, logger: logger).collect().map { try $0.decode(String.self) }
        report.telegramDeliveries = sink.count
        report.duplicateDeliveries = sink.count - Set(sink.map { "\($0.chat)\n\($0.text)" }).count
        return report
    }

    /// Whether the platform is done: no job ready, running or overdue, every inbound item handled, and
    /// no notification left to send (one held by a send lease, or one whose failed send waits for its
    /// retry: the Telegram stand-in, starved under the run's load, timed out some, and the run once
    /// "settled" with 73 such retries still scheduled).
    static func settled(client: PostgresClient, logger: Logger) async throws -> Bool {
        let rows = try await client.query("""
            SELECT (SELECT count(*) FROM job WHERE state IN (0, 1) OR (state = 2 AND run_at <= now()))::int
                 + (SELECT count(*) FROM inbound_item WHERE status = 'received')::int
                 + (SELECT count(*) FROM notification WHERE status IN ('pending', 'failed'))::int
            """, logger: logger).collect()
        return try rows.first?.decode(Int.self) == 0
    }

    var lines: [String] {
        let rescue = String(format: "%.1f", longestRescue)
        return [
            "chaos: tickets fed \(tickets) (re-sent \(resends) times while the API was down); not accepted \(notAccepted)",
            "chaos: lost \(lost), duplicated \(duplicated) (every update exactly one ticket)",
            "chaos: tickets with two assignments \(doublyAssigned); open tickets without assignee \(unassigned)",
            "chaos: telegram deliveries \(telegramDeliveries), duplicated \(duplicateDeliveries); notifications still pending \(notificationsPending)",
            "chaos: stuck jobs \(stuckJobs)\(stuckOwners.isEmpty ? "" : " (\(stuckOwners.joined(separator: ", ")))"), dead jobs \(deadJobs)",
            "chaos: kills \(kills) (\(killsHoldingJobs) holding jobs, \(unrescued) never rescued), median rescue \(String(format: "%.1f", medianRescue)) s, longest \(rescue) s (target < \(Int(Self.rescueTarget)) s)",
            "chaos: slowest rescues " + slowestRescues.map { String(format: "%.1f s (kill at %.1f s)", $0.seconds, $0.killedAt) }
                .joined(separator: ", ") + (restartAt.map { String(format: "; PostgreSQL restart began at %.1f s", $0) } ?? ""),
            "chaos: LISTEN connections cut \(listenCuts), PostgreSQL restarts \(restarts) (\(String(format: "%.1f", restartSeconds)) s)",
            "chaos: result not_accepted=\(notAccepted) lost=\(lost) duplicated=\(duplicated) doubly_assigned=\(doublyAssigned) "
                + "duplicate_deliveries=\(duplicateDeliveries) pending_notifications=\(notificationsPending) stuck_jobs=\(stuckJobs) "
                + "dead_jobs=\(deadJobs) kills=\(kills) unrescued=\(unrescued) longest_rescue_s=\(rescue) restarts=\(restarts) listen_cuts=\(listenCuts)",
            "chaos: \(passed ? "PASS" : "FAIL")",
        ]
    }
}
