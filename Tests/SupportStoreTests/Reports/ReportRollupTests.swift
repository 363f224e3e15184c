import Foundation
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// The report rollup on real PostgreSQL: after a refresh, every report (summary of every dimension,
/// topics, agents) over periods that mix rolled-up weeks, partial weeks and weeks not yet rolled up gives
/// the figures of the pure definitions on the generated history (`ReportStoreTests.History`), medians
/// within the histogram's stated precision; and stays so when tickets change after the refresh (before
/// and after the next one, and when the change commits while a refresh runs) and when a refresh is
/// delivered twice.
struct ReportRollupTests {
    static let start = ReportStoreTests.start
    static let now = start.addingTimeInterval(25 * 86_400)
    static let fastWithin: TimeInterval = 1800

    static var periods: [ReportPeriod] {
        get throws {
            [
                // Every week whole, the first and last weeks partly outside the history.
                try ReportPeriod(from: start.addingTimeInterval(-8 * 86_400), to: start.addingTimeInterval(30 * 86_400)),
                // Partial weeks at both edges, one whole week inside.
                try ReportPeriod(from: start.addingTimeInterval(2 * 86_400 + 5 * 3600), to: start.addingTimeInterval(16 * 86_400 + 3 * 3600)),
                // Two whole weeks exactly (Mondays, UTC).
                try ReportPeriod(from: monday(start), to: monday(start).addingTimeInterval(14 * 86_400)),
            ]
        }
    }

    static func monday(_ date: Date) -> Date { ReportBucket.week.start(of: date) }

    /// The exact median's two middle values decide how far a histogram median may be from it.
    static func medianBound(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let low = sorted[(sorted.count - 1) / 2]
        let high = sorted[sorted.count / 2]
        return max(DurationBuckets.precision(at: low), DurationBuckets.precision(at: high)) + 1e-6
    }

    /// Every figure of every group of every dimension and period: exact as the reference, medians equal
    /// to the histogram median of the same tickets and within its precision of the exact median.
    static func expectSummaries(_ store: ReportStore, _ tickets: [ReportTicket], _ what: String) async throws {
        for period in try periods {
            for dimension in ReportDimension.allCases {
                let expected = ReportMetrics.grouped(tickets, by: dimension, period: period, now: now, fastWithin: fastWithin)
                let actual = try await store.summary(period, by: dimension, fastWithin: fastWithin, now: now)
                #expect(Set(actual.map(\.key)) == Set(expected.keys), "\(what) \(dimension)")
                for group in actual {
                    guard var reference = expected[group.key] else { continue }
                    let cohort = tickets.filter {
                        ($0.key(dimension) ?? "none") == group.key && $0.createdAt >= period.from && $0.createdAt < period.to
                    }
                    let responses = cohort.compactMap { t in t.firstResponseAt.map { $0.timeIntervalSince(t.createdAt) } }
                    let resolutions = cohort.compactMap { t in t.resolvedAt.map { $0.timeIntervalSince(t.createdAt) } }
                    let label = "\(what) \(period.from)…\(period.to) \(dimension)=\(group.key)"
                    for (actualMedian, exact, values) in [
                        (group.metrics.firstResponseMedian, reference.firstResponseMedian, responses),
                        (group.metrics.resolutionMedian, reference.resolutionMedian, resolutions),
                    ] {
                        switch (actualMedian, exact) {
                        case (nil, nil): break
                        case (let a?, let e?): #expect(abs(a - e) <= medianBound(values), "\(label) median \(a) vs exact \(e)")
                        default: Issue.record("\(label) median \(String(describing: actualMedian)) vs \(String(describing: exact))")
                        }
                    }
                    // The rest exactly as defined.
                    reference.firstResponseMedian = group.metrics.firstResponseMedian
                    reference.resolutionMedian = group.metrics.resolutionMedian
                    ReportStoreTests.expectEqual(group.metrics, reference, label)
                }
            }
        }
    }

    static func expectTopics(_ store: ReportStore, _ tickets: [ReportTicket], _ what: String) async throws {
        for period in try periods {
            for bucket in ReportBucket.allCases {
                let (starts, topics) = try await store.topics(period, bucket: bucket)
                var expected: [String: [Int]] = [:]
                for ticket in tickets where ticket.createdAt >= period.from && ticket.createdAt < period.to {
                    let index = starts.lastIndex { $0 <= ticket.createdAt }!
                    expected[ticket.category?.rawValue ?? "unclassified", default: Array(repeating: 0, count: starts.count)][index] += 1
                }
                #expect(Dictionary(uniqueKeysWithValues: topics.map { ($0.topic, $0.counts) }) == expected, "\(what) \(bucket)")
            }
        }
    }

    /// The agent report against the reference (tickets by assignee; the ratings are not rolled up).
    static func expectAgents(_ store: ReportStore, _ tickets: [ReportTicket], _ what: String) async throws {
        for period in try periods {
            let agents = try await store.agents(period)
            let cohort = tickets.filter { $0.createdAt >= period.from && $0.createdAt < period.to && $0.assigneeID != nil }
            let byAgent = Dictionary(grouping: cohort) { $0.assigneeID! }
            #expect(Set(agents.filter { $0.tickets > 0 }.map(\.staffID)) == Set(byAgent.keys), "\(what)")
            for agent in agents {
                let mine = byAgent[agent.staffID] ?? []
                #expect(agent.tickets == mine.count, "\(what) \(agent.staffID) tickets")
                #expect(agent.resolved == mine.filter { $0.resolvedAt != nil }.count, "\(what) \(agent.staffID) resolved")
                ReportStoreTests.expectClose(
                    agent.slaCompliancePct, Statistics.percent(mine.filter { $0.slaBreachedAt == nil }.count, of: mine.count), "\(what) sla")
                ReportStoreTests.expectClose(
                    agent.reopenPct,
                    Statistics.percent(
                        mine.filter { $0.reopenCount > 0 }.count, of: mine.filter { $0.resolvedAt != nil || $0.reopenCount > 0 }.count),
                    "\(what) reopen")
            }
        }
    }

    static func expectAll(_ store: ReportStore, _ tickets: [ReportTicket], _ what: String) async throws {
        try await expectSummaries(store, tickets, what)
        try await expectTopics(store, tickets, what)
        try await expectAgents(store, tickets, what)
    }

    static func count(_ sql: PostgresQuery, _ connection: PostgresConnection, _ logger: Logger) async throws -> Int {
        try await connection.query(sql, logger: logger).collect().first!.decode(Int.self)
    }

    /// The rollup's rows, to compare two refreshes of the same tickets.
    static func snapshot(_ connection: PostgresConnection, _ logger: Logger) async throws -> [String] {
        try await connection.query(
            """
            SELECT concat_ws('|', week, dimension, key, tickets, answered, first_response_sum, resolved, resolution_sum,
                             first_contact_resolved, csat_count, csat_sum, csat_satisfied, repeat_contacts, sla_met, reopened,
                             ever_resolved, first_response_hist::text, resolution_hist::text)
            FROM report_rollup_tally
            UNION ALL SELECT concat_ws('|', week, day, topic, tickets) FROM report_rollup_topic
            ORDER BY 1
            """, logger: logger
        ).collect().map { try $0.decode(String.self) }
    }

    @Test func rolledUpReportsMatchTheDefinitionsThroughChangesAndRedeliveries() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                try await client.withConnection { connection in
                    let logger = db.logger
                    var generator = ReportStoreTests.History()
                    var tickets = try await ReportStoreTests.write(generator.tickets(240), on: connection, logger: logger)
                    let ids = try await connection.query("SELECT id FROM ticket ORDER BY id", logger: logger).collect()
                        .map { try $0.decode(Int64.self) }
                    let store = ReportStore(connection: connection, logger: logger)
                    let rollup = ReportRollup(client: client, logger: logger)

                    // Nothing rolled up yet: the exact path.
                    try await Self.expectAll(store, tickets, "before any refresh")

                    // One week rolled up, the others not: periods span both.
                    let first = try await rollup.refresh(maxWeeks: 1)
                    #expect(first.weeks == [Self.monday(tickets.last!.createdAt)])
                    #expect(first.remaining >= 2)
                    try await Self.expectAll(store, tickets, "one week rolled up")

                    // Every week rolled up.
                    let rest = try await rollup.refreshAll()
                    #expect(rest == first.remaining)
                    #expect(try await Self.count("SELECT count(*)::int FROM report_rollup_dirty", connection, logger) == 0)
                    #expect(try await Self.count("SELECT count(*)::int FROM report_rollup_week", connection, logger) == rest + 1)
                    try await Self.expectAll(store, tickets, "all rolled up")
                    let rolled = try await Self.snapshot(connection, logger)

                    // A redelivered refresh finds nothing due; a week marked dirty again is recomputed to the same rows.
                    #expect(try await rollup.refresh().weeks.isEmpty)
                    try await connection.query(
                        "INSERT INTO report_rollup_dirty (week) SELECT week FROM report_rollup_week", logger: logger)
                    #expect(try await rollup.refresh().weeks.count == rest + 1)
                    #expect(try await rollup.refresh().weeks.isEmpty)
                    #expect(try await Self.snapshot(connection, logger) == rolled)

                    // Tickets change after the refresh: their weeks are dirty and read from `ticket` at once.
                    let open = try #require(tickets.indices.first { tickets[$0].resolvedAt == nil && tickets[$0].closedAt == nil && $0 > 30 })
                    tickets[open].resolvedAt = tickets[open].createdAt.addingTimeInterval(4321)
                    try await connection.query(
                        "UPDATE ticket SET status = 'resolved', resolved_at = \(tickets[open].resolvedAt) WHERE id = \(ids[open])", logger: logger)
                    let moved = 100
                    let newAssignee = try #require(tickets.compactMap(\.assigneeID).first { $0 != tickets[moved].assigneeID })
                    tickets[moved].assigneeID = newAssignee
                    tickets[moved].channel = tickets[moved].channel == .email ? .web : .email
                    try await connection.query(
                        "UPDATE ticket SET assignee_id = \(newAssignee), channel = \(tickets[moved].channel.rawValue) WHERE id = \(ids[moved])",
                        logger: logger)
                    let replied = 170
                    tickets[replied].staffReplyCount += 1
                    let staff = try await connection.query("SELECT min(id) FROM staff", logger: logger).collect().first!.decode(Int64.self)
                    try await TicketStore(connection: connection, logger: logger).recordEvent(
                        TicketID(ids[replied]), .replySent, actor: .staff(StaffID(staff)))
                    // An edit the reports do not read marks nothing.
                    let dirtyBefore = try await Self.count("SELECT count(*)::int FROM report_rollup_dirty", connection, logger)
                    try await connection.query("UPDATE ticket SET subject = 'edited' WHERE id = \(ids[5])", logger: logger)
                    #expect(try await Self.count("SELECT count(*)::int FROM report_rollup_dirty", connection, logger) == dirtyBefore)
                    #expect(dirtyBefore >= 3)
                    try await Self.expectAll(store, tickets, "changed after the refresh")

                    let again = try await rollup.refresh()
                    #expect(Set(again.weeks) == Set([open, moved, replied].map { Self.monday(tickets[$0].createdAt) }))
                    #expect(try await Self.count("SELECT count(*)::int FROM report_rollup_dirty", connection, logger) == 0)
                    try await Self.expectAll(store, tickets, "changed and refreshed")

                    // A change that commits while a refresh runs (after its snapshot) keeps its week dirty.
                    let late = 60
                    tickets[late].csatScore = 5
                    try await db.settings.withClient(logger: logger) { other in
                        try await other.withTransaction(logger: logger) { writer in
                            try await writer.query("UPDATE ticket SET csat_score = 5 WHERE id = \(ids[late])", logger: logger)
                            let during = try await rollup.refresh()
                            #expect(during.weeks.isEmpty, "the uncommitted change is not the refresh's to see")
                        }
                    }
                    #expect(try await Self.count("SELECT count(*)::int FROM report_rollup_dirty", connection, logger) == 1)
                    try await Self.expectAll(store, tickets, "changed during a refresh")
                    #expect(try await rollup.refresh().weeks == [Self.monday(tickets[late].createdAt)])
                    try await Self.expectAll(store, tickets, "changed during a refresh, refreshed")

                    // The long periods really are read from the rollup: a tampered row shows (the rebuild below repairs it).
                    try await connection.query(
                        "UPDATE report_rollup_tally SET tickets = tickets + 1000 WHERE dimension = 'total'", logger: logger)
                    let whole = try Self.periods[0]
                    let tampered = try await store.summary(whole, by: .total, fastWithin: Self.fastWithin, now: Self.now)
                    #expect(tampered.first?.metrics.tickets == tickets.filter { $0.createdAt >= whole.from && $0.createdAt < whole.to }.count + 3000)

                    // Rebuild from nothing gives the same rows as the incremental refreshes.
                    try await connection.query(
                        "UPDATE report_rollup_tally SET tickets = tickets - 1000 WHERE dimension = 'total'", logger: logger)
                    let incremental = try await Self.snapshot(connection, logger)
                    try await rollup.reset()
                    #expect(try await rollup.refreshAll() == rest + 1)
                    #expect(try await Self.snapshot(connection, logger) == incremental)
                }
            }
        }
    }

    @Test func thePeriodicJobCarriesTheRollupPayload() async throws {
        let job = ReportRollupHandler.periodicJob
        #expect(job.job.queue == QueueName.reports.rawValue && job.job.kind == ReportRollupJob.kind)
        let decoded = try JobPayloadCoding.decode(ReportRollupJob.self, from: Array(job.job.payload.readableBytesView))
        #expect(decoded == ReportRollupJob())
    }
}
