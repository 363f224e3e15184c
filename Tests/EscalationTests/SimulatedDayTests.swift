import Escalation
import Foundation
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore
import Testing

/// The 8-hour cap over a simulated day of traffic, on the simulated clock.
///
/// From Friday 00:00 to Saturday 00:00 (Yekaterinburg) a request arrives every 20 minutes, cycling
/// through the channels, so evening mail and weekend hours are covered. The test plays the escalation
/// worker: it runs each `sla` job at its scheduled instant. Agents answer a ticket when warned, halfway
/// between the warning and the deadline, except every fifth ticket, which nobody answers. The run goes
/// on until Monday noon.
@Suite(.serialized) struct SimulatedDayTests {
    let hour: TimeInterval = 3600

    @Test func nothingStaysUnansweredForMoreThanEightHours() async throws {
        try await EscalationEnv.with { env in
            let friday = EscalationEnv.mondayNoon.addingTimeInterval(-(3 * 24 + 12) * hour)
            let end = EscalationEnv.mondayNoon
            let channels: [SupportChannel] = [.email, .telegram, .web, .api, .social, .chat]
            var arrivals = (0..<72).map { index in (at: friday.addingTimeInterval(Double(index) * 20 * 60), index: index) }
            var replies: [(at: Date, ticket: TicketID)] = []
            var created: [TicketID: (at: Date, neglected: Bool)] = [:]
            var answered: Set<TicketID> = []

            while true {
                let nextJob = try await env.nextSLAJobTime()
                let candidates = [arrivals.first?.at, replies.map(\.at).min(), nextJob].compactMap { $0 }
                guard let now = candidates.min(), now <= end else { break }
                env.clock.set(now)
                if let arrival = arrivals.first, arrival.at == now {
                    arrivals.removeFirst()
                    let ticket = try await env.openTicket(channels[arrival.index % channels.count], at: now)
                    created[ticket] = (now, arrival.index % 5 == 4)
                    continue
                }
                if let index = replies.firstIndex(where: { $0.at == now }) {
                    let reply = replies.remove(at: index)
                    try await env.reply(reply.ticket, at: now)
                    answered.insert(reply.ticket)
                    continue
                }
                for job in try await env.takeDueSLAJobs(until: now) {
                    env.clock.set(max(now, job.dueAt))
                    _ = try await env.sla.handle(job)
                    guard job.deadline == .warning, job.clock == .firstResponse, let facts = created[job.ticketID],
                        !facts.neglected, !answered.contains(job.ticketID), !replies.contains(where: { $0.ticket == job.ticketID })
                    else { continue }
                    let due = try await env.client.withConnection { connection in
                        try await TicketSLAState.load(job.ticketID, now: job.dueAt, on: connection, logger: env.logger)?
                            .clock(.firstResponse)?.deadline(.breach)
                    }
                    let deadline = try #require(due)
                    replies.append((job.dueAt.addingTimeInterval(deadline.timeIntervalSince(job.dueAt) / 2), job.ticketID))
                }
                // Routing's reassignments are not part of this day.
                try await env.sql.exec("DELETE FROM job WHERE queue = 'routing'")
            }

            #expect(created.count == 72)
            for (ticket, facts) in created {
                let firstReply = try await env.client.query(
                    "SELECT min(at) FROM ticket_event WHERE ticket_id = \(ticket.rawValue) AND type = 'reply_sent'", logger: env.logger
                ).collect().first?.decode(Date?.self) ?? nil
                if facts.neglected {
                    // Nobody answered: the breach fired no later than 8 hours in, and the lead heard of it.
                    let due = try await env.sql.string(
                        "SELECT data->>'due_at' FROM ticket_event WHERE ticket_id = \(ticket) AND type = 'sla_breached' AND data->>'clock' = 'first_response'")
                    let breach = try #require(due.flatMap { try? Date($0, strategy: .iso8601) }, "ticket \(ticket) never breached")
                    #expect(breach.timeIntervalSince(facts.at) <= 8 * hour, "ticket \(ticket)")
                    #expect(try await env.notified(ticket, "sla_breach", "anna@demo.local") >= 1)
                } else {
                    let reply = try #require(firstReply, "ticket \(ticket) was never answered")
                    #expect(reply.timeIntervalSince(facts.at) <= 8 * hour, "ticket \(ticket) waited \(reply.timeIntervalSince(facts.at) / hour) h")
                    #expect(try await env.sql.int(
                        """
                        SELECT count(*)::int FROM ticket_event WHERE ticket_id = \(ticket) AND type = 'sla_breached'
                          AND data->>'clock' = 'first_response'
                        """) == 0, "ticket \(ticket)")
                }
            }
            // The cap did the work for evening mail: its 24 business hours would have run into Monday.
            let cappedMail = try await env.sql.int(
                """
                SELECT count(*)::int FROM ticket t JOIN ticket_event e ON e.ticket_id = t.id AND e.type = 'sla_breached'
                WHERE t.channel = 'email' AND (e.data->>'due_at')::timestamptz = t.created_at + interval '8 hours'
                """)
            #expect(cappedMail >= 1)
        }
    }
}
