import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// The staff member a complaint names, found in its text and stored on the ticket
/// (`ticket.named_staff_id`), so every later step can keep it from them.
enum NamedStaff {
    static func find(in text: String, lexemes: Set<String>, on connection: PostgresConnection, logger: Logger) async throws -> StaffID? {
        let staff = try await connection.query(
            "SELECT id, tsvector_to_array(to_tsvector('russian', name)), email FROM staff WHERE active", logger: logger
        ).collect().map { row in
            let (id, words, email) = try row.decode((Int64, [String], String).self)
            return NamedStaffFinder.Candidate(id: StaffID(id), nameLexemes: Set(words), email: email)
        }
        return NamedStaffFinder.find(text: text, lexemes: lexemes, among: staff)
    }

    static func record(_ staff: StaffID, on ticket: TicketID, connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            "UPDATE ticket SET named_staff_id = \(staff.rawValue) WHERE id = \(ticket.rawValue) AND named_staff_id IS NULL",
            logger: logger)
    }
}
