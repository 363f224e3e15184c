import Foundation
import JobQueue
import Logging
import PostgresNIO
import Synchronization
import SupportSchema
import SupportStore

/// The measured part of `support bench pipeline`: open-loop arrivals and the watch for assignments.
struct PipelineBenchRun: Sendable {
    let client: PostgresClient
    let rate: Int
    let seconds: Int
    /// Seconds of arrivals at `rate` before the measured ones, not measured: freshly started workers open
    /// their pools and their backends plan every statement for the first time (Docs/PERFORMANCE.md).
    let warmup: Int
    let logger: Logger

    /// When each inbound item was sent, by item id, and when an assignment of each ticket was seen, by
    /// ticket id (Unix seconds).
    final class Stamps: Sendable {
        let sent = Mutex<[Int64: Double]>([:])
        let seen = Mutex<[Int64: Double]>([:])
    }

    struct Result: Sendable {
        var latencies: [Double]
        var sent: Int
        var sendSeconds: Double
        var incidents: Int
        var achievedRate: Double { Double(sent) / max(sendSeconds, 0.001) }
    }

    /// Requests of every category in the words people use. Arrival k uses text k mod count, so the
    /// outage texts recur from different people and incidents form as they would in a real outage.
    static let texts = [
        "Здравствуйте, подскажите как открыть сделку через гаранта?",
        "Не пришла выплата по сделке, деньги не поступили на карту",
        "Продавец не передал товар, деньги у гаранта, прошу арбитраж",
        "Прошу разбанить, мут был выдан несправедливо",
        "Hi, how do I top up my balance for a deal?",
        "Бот не отвечает на команды, гарант завис",
        "The seller never delivered and stopped answering, I want to open a dispute",
        "Предлагаю добавить в бота историю сделок",
        "Жалоба на модератора: хамит и удаляет сообщения без причины",
        "My withdrawal is still pending after two days",
        "Какая комиссия у гаранта за сделку на 10 000 рублей?",
        "Покупатель не подтверждает получение уже третий день, что делать?",
        "I was banned from the chat for no reason, please review my ban",
        "Не могу войти на сайт, код подтверждения не приходит",
        "Would be great to have an English version of the rules",
        "Can you explain how the deposit works before a deal starts?",
        "Админ оскорбил меня в личке, это нормально?",
        "Получил предупреждение за флуд, прошу снять",
        "Where is my refund for the cancelled deal?",
        "После обновления приложение вылетает при открытии сделки",
    ]

    func run() async throws -> Result {
        let clock = Stamps()
        let total = rate * seconds
        let queue = JobQueue(client: client, logger: logger, wakeLocalWorkers: false)
        // Read before the first arrival: the history's notifications are not this run's.
        let history = try await client.query("SELECT coalesce(max(id), 0) FROM notification", logger: logger)
            .collect().first?.decode(Int64.self) ?? 0

        let warm = rate * warmup
        let sendSeconds = try await withThrowingTaskGroup(of: Double?.self) { group in
            group.addTask { try await watch(until: warm + total, after: history, stamps: clock); return nil }
            let started = ContinuousClock.now
            let measured = started + .seconds(Double(warm) / Double(rate))
            for k in 0..<(warm + total) {
                try await Task.sleep(until: started + .seconds(Double(k) / Double(rate)))
                group.addTask {
                    let form = ["email": "bench\(k)@example.com", "name": "Bench \(k)", "body": Self.texts[k % Self.texts.count]]
                    let raw = Array(try JSONSerialization.data(withJSONObject: form))
                    let t0 = Date().timeIntervalSince1970
                    let item = try await InboundStore(queue: queue).receive(
                        NewInboundItem(channel: .web, dedupeKey: "bench-\(k)", raw: raw, contentType: "application/json"))
                    if k >= warm { clock.sent.withLock { $0[item.id.rawValue] = t0 } }
                    return nil
                }
            }
            let sendSeconds = (ContinuousClock.now - measured).seconds
            // The watcher ends when every ticket is seen or 30 s after the last arrival.
            try await group.waitForAll()
            return sendSeconds
        }
        let tickets = try await ticketsOfItems(Array(clock.sent.withLock { $0.keys }))
        let latencies = clock.sent.withLock { sent in
            clock.seen.withLock { seen in
                sent.compactMap { item, t0 in tickets[item].flatMap { seen[$0] }.map { ($0 - t0) * 1000 } }
            }
        }
        let incidents = try await client.query("SELECT count(*)::int FROM ticket WHERE is_incident", logger: logger)
            .collect().first?.decode(Int.self) ?? 0
        return Result(latencies: latencies, sent: total, sendSeconds: sendSeconds, incidents: incidents)
    }

    /// LISTENs on the queue's wake-up channel; after each wake-up of the `notify` queue reads the new
    /// `assigned` notifications and notes when each request's ticket got its assignee.
    private func watch(until total: Int, after history: Int64, stamps: Stamps) async throws {
        try await client.withConnection { listener in
            // The reads run on this connection, planned once: the watcher is not what is measured, and a
            // custom plan per wake-up cost the server more than the read itself (Docs/PERFORMANCE.md).
            try await listener.query("SET plan_cache_mode = force_generic_plan", logger: logger)
            do {
                try await listen(on: listener, until: total, after: history, stamps: stamps)
            } catch {
                _ = try? await listener.query("RESET plan_cache_mode", logger: logger)
                throw error
            }
            try await listener.query("RESET plan_cache_mode", logger: logger)
        }
    }

    private func listen(on listener: PostgresConnection, until total: Int, after history: Int64, stamps: Stamps) async throws {
        try await listener.listen(on: "jobqueue") { notifications in
            let deadline = ContinuousClock.now + .seconds(Double(warmup + seconds) + 30)
            // Wake-ups coalesce while a read runs; the tick also wakes the reader for its sweeps.
            let (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await Task.sleep(until: deadline) }
                group.addTask {
                    for try await notification in notifications where notification.payload == "notify" { wake.yield() }
                }
                group.addTask {
                    while true {
                        try await Task.sleep(for: AssignedSweep.interval)
                        wake.yield()
                    }
                }
                group.addTask {
                    var sweep = AssignedSweep(history: history)
                    for await _ in wakes {
                        let now = Date().timeIntervalSince1970
                        var after = sweep.start(at: .now)
                        var seen = 0
                        while true {
                            var bindings = PostgresBindings()
                            bindings.append(after)
                            let rows = try await listener.rows(of: AssignedSinceSQL.self, bindings, logger: logger)
                            seen = try stamps.seen.withLock { seen in
                                for row in rows {
                                    let (notification, ticket) = try row.decode((Int64, Int64).self)
                                    sweep.saw(notification)
                                    after = notification
                                    if seen[ticket] == nil { seen[ticket] = now }
                                }
                                return seen.count
                            }
                            if rows.count < AssignedSinceSQL.page { break }
                        }
                        // Incidents are assigned tickets too: only a count of the items' own tickets ends it.
                        if seen >= total, try await itemsAssigned(stamps, on: listener) >= total { return }
                    }
                }
                try await group.next()
                group.cancelAll()
                wake.finish()
            }
        }
    }

    /// How many of the tickets seen so far came from inbound items (every item of the run has one).
    private func itemsAssigned(_ stamps: Stamps, on connection: PostgresConnection) async throws -> Int {
        let tickets = stamps.seen.withLock { Array($0.keys) }
        return try await connection.query(
            "SELECT count(*)::int FROM inbound_item WHERE ticket_id = ANY(\(tickets))", logger: logger
        ).collect().first?.decode(Int.self) ?? 0
    }

    /// Each inbound item's ticket, read once after the run.
    private func ticketsOfItems(_ items: [Int64]) async throws -> [Int64: Int64] {
        var tickets: [Int64: Int64] = [:]
        for try await (item, ticket) in try await client.query(
            "SELECT id, ticket_id FROM inbound_item WHERE id = ANY(\(items)) AND ticket_id IS NOT NULL", logger: logger
        ).decode((Int64, Int64).self) {
            tickets[item] = ticket
        }
        return tickets
    }

    /// New `assigned` notifications, a page at a time, in key order: a walk of the notification key. The
    /// watcher runs after every commit of a `notify` job, so it reads only this table; which inbound item a
    /// ticket came from is read once, after the run (with a join here it cost PostgreSQL ~0.2 ms a call).
    private enum AssignedSinceSQL: RepeatedStatement {
        static let page = 200
        static let sql = """
            SELECT id, ticket_id FROM notification
            WHERE template = 'assigned' AND ticket_id IS NOT NULL AND id > $1 ORDER BY id LIMIT 200
            """
        static let parameterTypes: [PostgresDataType] = [.int8]
    }
}
