import Foundation
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// The report SQL on real PostgreSQL against the pure definitions (`ReportMetrics.compute`): a
/// generated history of 240 tickets over 20 days, written the way the platform writes it (events
/// through `TicketStore.recordEvent`, so the counters come from the migration's triggers), must give
/// every figure of every group exactly as the reference computes it from the same tickets.
struct ReportStoreTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)  // whole seconds: no rounding anywhere
    static let teams = 3
    static let staff = 4

    /// A deterministic pseudo-random history (a linear congruential generator, so every run is the same).
    struct History {
        var seed: UInt64 = 12345
        mutating func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }

        /// Tickets with ids of teams/staff/requesters as 1-based indexes (mapped to real ids when written).
        mutating func tickets(_ count: Int) -> [(ticket: ReportTicket, requester: Int)] {
            var result: [(ReportTicket, Int)] = []
            for index in 0..<count {
                let created = start.addingTimeInterval(Double(index) * 7200 + Double(next(3600)))
                let category: SupportSchema.Category? = next(10) == 0 ? nil : [.question, .payment, .technical][next(3)]
                let answered = next(10) < 8
                let firstResponse = answered ? created.addingTimeInterval(Double(60 * (1 + next(240)))) : nil
                let finish = next(10)
                let resolved = finish < 7 ? created.addingTimeInterval(Double(600 * (1 + next(100)))) : nil
                let closed = finish == 7 ? created.addingTimeInterval(3600) : nil
                let rated = resolved != nil && next(2) == 0
                result.append((ReportTicket(
                    createdAt: created, teamID: next(4) == 0 ? nil : Int64(1 + next(teams)),
                    line: [.l1, .l2, .l3][next(3)], channel: [.telegram, .email, .web][next(3)], category: category,
                    assigneeID: next(5) == 0 ? nil : Int64(1 + next(staff)), firstResponseAt: firstResponse, resolvedAt: resolved,
                    closedAt: closed, reopenCount: next(8) == 0 ? 1 : 0, staffReplyCount: answered ? 1 + next(3) : 0,
                    slaBreachedAt: next(6) == 0 ? created.addingTimeInterval(5000) : nil, repeatContact: false,
                    csatScore: rated ? 1 + next(5) : nil), 1 + next(12)))
            }
            // Repeat contacts as defined: the same requester and category within the 7 days before.
            for i in result.indices {
                let (ticket, requester) = result[i]
                guard let category = ticket.category else { continue }
                result[i].0.repeatContact = result[..<i].contains { other, who in
                    who == requester && other.category == category && other.createdAt < ticket.createdAt
                        && other.createdAt >= ticket.createdAt.addingTimeInterval(-7 * 86_400)
                }
            }
            return result
        }
    }

    /// Writes the history; returns the tickets with the database's team and staff ids.
    static func write(_ history: [(ticket: ReportTicket, requester: Int)], on connection: PostgresConnection, logger: Logger) async throws
        -> [ReportTicket]
    {
        func ids(_ query: PostgresQuery) async throws -> [Int64] {
            try await connection.query(query, logger: logger).collect().map { try $0.decode(Int64.self) }
        }
        let teamIDs = try await ids("INSERT INTO team (name, line) SELECT 'team ' || i, 'l1' FROM generate_series(1, \(teams)) i RETURNING id")
        let staffIDs = try await ids(
            "INSERT INTO staff (name, email, roles) SELECT 'agent ' || i, 'a' || i || '@example.com', '{agent}' FROM generate_series(1, \(staff)) i RETURNING id")
        let requesterIDs = try await ids("INSERT INTO requester (display_name) SELECT 'r' || i FROM generate_series(1, 12) i RETURNING id")
        let tickets = TicketStore(connection: connection, logger: logger)
        var written: [ReportTicket] = []
        for (var ticket, requester) in history {
            ticket.teamID = ticket.teamID.map { teamIDs[Int($0) - 1] }
            ticket.assigneeID = ticket.assigneeID.map { staffIDs[Int($0) - 1] }
            let status = ticket.resolvedAt != nil ? "resolved" : ticket.closedAt != nil ? "closed" : "open"
            let id = try await ids(
                """
                INSERT INTO ticket (requester_id, channel, status, line, team_id, assignee_id, first_response_at, resolved_at,
                                    closed_at, reopen_count, csat_score, csat_at, created_at)
                VALUES (\(requesterIDs[requester - 1]), \(ticket.channel.rawValue), \(status), \(ticket.line.rawValue), \(ticket.teamID),
                        \(ticket.assigneeID), \(ticket.firstResponseAt), \(ticket.resolvedAt), \(ticket.closedAt), \(ticket.reopenCount),
                        \(ticket.csatScore.map(Int16.init)), \(ticket.csatScore == nil ? nil : ticket.resolvedAt), \(ticket.createdAt))
                RETURNING id
                """)[0]
            // Routing classifies after creation: the trigger decides the repeat then.
            try await connection.query("UPDATE ticket SET category = \(ticket.category?.rawValue) WHERE id = \(id)", logger: logger)
            for _ in 0..<ticket.staffReplyCount {
                try await tickets.recordEvent(TicketID(id), .replySent, actor: .staff(StaffID(staffIDs[0])))
            }
            try await tickets.recordEvent(TicketID(id), .noteAdded, actor: .staff(StaffID(staffIDs[0])))
            if let breach = ticket.slaBreachedAt {
                try await connection.query(
                    "INSERT INTO ticket_event (ticket_id, type, actor_kind, at) VALUES (\(id), 'sla_breached', 'system', \(breach))",
                    logger: logger)
                try await connection.query(
                    "INSERT INTO ticket_event (ticket_id, type, actor_kind, at) VALUES (\(id), 'sla_breached', 'system', \(breach.addingTimeInterval(99)))",
                    logger: logger)
            }
            written.append(ticket)
        }
        return written
    }

    static func expectClose(_ actual: Double?, _ expected: Double?, _ what: String) {
        switch (actual, expected) {
        case (nil, nil): break
        case (let a?, let e?): #expect(abs(a - e) <= 1e-6 * max(1, abs(e)), "\(what): \(a) ≠ \(e)")
        default: Issue.record("\(what): \(String(describing: actual)) ≠ \(String(describing: expected))")
        }
    }

    static func expectEqual(_ actual: ReportMetrics, _ expected: ReportMetrics, _ what: String) {
        #expect(actual.tickets == expected.tickets, "\(what) tickets")
        #expect(actual.answered == expected.answered, "\(what) answered")
        #expect(actual.resolved == expected.resolved, "\(what) resolved")
        #expect(actual.csatCount == expected.csatCount, "\(what) csat_count")
        #expect(actual.backlog == expected.backlog, "\(what) backlog")
        let pairs: [(String, KeyPath<ReportMetrics, Double?>)] = [
            ("first_response_avg", \.firstResponseAvg), ("first_response_median", \.firstResponseMedian),
            ("fast_response_pct", \.fastResponsePct), ("resolution_avg", \.resolutionAvg), ("resolution_median", \.resolutionMedian),
            ("fcr_pct", \.firstContactResolutionPct), ("csat_avg", \.csatAvg), ("csat_satisfied_pct", \.csatSatisfiedPct),
            ("repeat_contact_pct", \.repeatContactPct), ("sla_compliance_pct", \.slaCompliancePct),
            ("backlog_age_avg", \.backlogAgeAvg), ("backlog_age_max", \.backlogAgeMax),
        ]
        for (name, path) in pairs { expectClose(actual[keyPath: path], expected[keyPath: path], "\(what) \(name)") }
    }

    @Test func everyFigureOfEveryGroupMatchesTheDefinitions() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                try await client.withConnection { connection in
                    var generator = History()
                    let tickets = try await Self.write(generator.tickets(240), on: connection, logger: db.logger)
                    #expect(tickets.filter(\.repeatContact).count > 0)
                    // The triggers' counters are the generated ones.
                    let counters = try await connection.query(
                        "SELECT staff_reply_count, sla_breached_at, repeat_contact FROM ticket ORDER BY id", logger: db.logger
                    ).collect().map { try $0.decode((Int, Date?, Bool).self) }
                    #expect(counters.map(\.0) == tickets.map(\.staffReplyCount))
                    #expect(counters.map(\.1) == tickets.map(\.slaBreachedAt))
                    #expect(counters.map(\.2) == tickets.map(\.repeatContact))

                    let store = ReportStore(connection: connection, logger: db.logger)
                    let periods = [
                        try ReportPeriod(from: Self.start.addingTimeInterval(2 * 86_400), to: Self.start.addingTimeInterval(9 * 86_400)),
                        try ReportPeriod(from: Self.start.addingTimeInterval(-86_400), to: Self.start.addingTimeInterval(30 * 86_400)),
                    ]
                    let now = Self.start.addingTimeInterval(25 * 86_400)
                    for period in periods {
                        for dimension in ReportDimension.allCases {
                            let expected = ReportMetrics.grouped(tickets, by: dimension, period: period, now: now, fastWithin: 1800)
                            let actual = try await store.summary(period, by: dimension, fastWithin: 1800, now: now)
                            #expect(Set(actual.map(\.key)) == Set(expected.keys), "\(dimension)")
                            for group in actual {
                                guard let reference = expected[group.key] else { continue }
                                Self.expectEqual(group.metrics, reference, "\(dimension)=\(group.key)")
                            }
                            if dimension == .team {
                                #expect(actual.contains { $0.label == "team 1" })
                            }
                        }
                    }
                }
            }
        }
    }

    @Test func topicsCountEachCategoryPerBucket() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                try await client.withConnection { connection in
                    var generator = History(seed: 99)
                    let tickets = try await Self.write(generator.tickets(120), on: connection, logger: db.logger)
                    let period = try ReportPeriod(from: Self.start, to: Self.start.addingTimeInterval(10 * 86_400))
                    for bucket in ReportBucket.allCases {
                        let (starts, topics) = try await ReportStore(connection: connection, logger: db.logger).topics(period, bucket: bucket)
                        #expect(starts == bucket.starts(period))
                        var expected: [String: [Int]] = [:]
                        for ticket in tickets where ticket.createdAt >= period.from && ticket.createdAt < period.to {
                            let index = starts.lastIndex { $0 <= ticket.createdAt }!
                            expected[ticket.category?.rawValue ?? "unclassified", default: Array(repeating: 0, count: starts.count)][index] += 1
                        }
                        #expect(Dictionary(uniqueKeysWithValues: topics.map { ($0.topic, $0.counts) }) == expected, "\(bucket)")
                        #expect(topics.map(\.total) == topics.map(\.total).sorted(by: >))
                    }
                }
            }
        }
    }
}
