import Foundation
import JobQueue
import Logging
import PostgresNIO
import SupportSchema

/// The L2 incident of a payout the guarantor bot did not carry out: opened on the first failure
/// (high priority, coders' line, every active coder told), noted on later ones.
struct PayoutIncident {
    let connection: PostgresConnection
    let jobs: TransactionEnqueuer
    let logger: Logger

    func raise(for row: DisputeRow, reason: String, key: String) async throws {
        let store = TicketStore(connection: connection, logger: logger)
        if let incident = row.incidentTicketID {
            try await store.recordEvent(incident, .noteAdded, actor: .system, data: ["text": .string(reason)])
            return
        }
        let subject = "Payout failed: dispute #\(row.record.id), deal \(row.dealRef)"
        let rows = try await connection.query(
            """
            INSERT INTO ticket (requester_id, channel, subject, category, priority, status, line, team_id, is_incident)
            VALUES (\(row.record.claimant.rawValue), 'api', \(subject), 'technical', 'high', 'escalated', 'l2',
                    (SELECT id FROM team WHERE line = 'l2' ORDER BY id LIMIT 1), true)
            RETURNING id, number
            """, logger: logger
        ).collect()
        guard let (id, number) = try rows.first?.decode((Int64, Int64).self) else {
            throw TicketStoreError.unexpectedValue("incident INSERT returned nothing")
        }
        let incident = TicketID(id)
        try await store.recordEvent(incident, .created, actor: .system, data: ["dispute_id": .int(row.record.id.rawValue)])
        try await store.recordEvent(incident, .escalated, actor: .system, data: ["line": "l2", "reason": .string(reason)])
        try await connection.query(
            "UPDATE dispute SET incident_ticket_id = \(id) WHERE id = \(row.record.id.rawValue)", logger: logger)
        let coders = try await connection.query(
            "SELECT id FROM staff WHERE active AND 'coder' = ANY (roles) ORDER BY id", logger: logger
        ).collect().map { StaffID(try $0.decode(Int64.self)) }
        let notifier = StaffNotifier(connection: connection, jobs: jobs, logger: logger)
        for coder in coders {
            try await notifier.notify(
                coder, template: "incident", text: "Incident #\(number): \(subject). \(reason)", ticket: incident,
                key: "\(key):incident:s\(coder)")
        }
    }
}
