import Foundation
import SupportDomain
import SupportSchema
import SupportStore

/// `POST /api/v1/tickets/{id}/escalate`: `{"direction": "up" | "down", "reason": "..."}`.
struct EscalateRequest: Decodable {
    var direction: String
    var reason: String

    func validated() throws(APIError) -> (ManualEscalation, String) {
        guard let direction = ManualEscalation(rawValue: direction) else {
            throw APIError(.badRequest, code: "invalid_field", message: "direction: \"up\" or \"down\"")
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        // NUL: PostgreSQL text and jsonb (the history's data) cannot hold it.
        guard !reason.isEmpty, reason.count <= 2000, !reason.unicodeScalars.contains("\0") else {
            throw APIError(.badRequest, code: "invalid_field", message: "reason: 1 to 2000 characters, no NUL")
        }
        return (direction, reason)
    }
}

/// `POST /api/v1/tickets/{id}/fixed`: `{"note": "..."}`, the status note every linked requester gets.
struct FixedRequest: Decodable {
    var note: String

    func validated() throws(APIError) -> String {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty, note.count <= 2000, !note.unicodeScalars.contains("\0") else {
            throw APIError(.badRequest, code: "invalid_field", message: "note: 1 to 2000 characters, no NUL")
        }
        return note
    }
}

/// The answer to an escalation: where the ticket is now and where it was.
struct EscalationResult: Encodable {
    var id: Int64
    var line: String
    var previousLine: String

    enum CodingKeys: String, CodingKey {
        case id, line
        case previousLine = "previous_line"
    }
}

/// The answer to "fixed": the linked reports whose requesters were told (empty when marked before).
struct FixedResult: Encodable {
    var id: Int64
    var reportsTold: [Int64]

    enum CodingKeys: String, CodingKey {
        case id
        case reportsTold = "reports_told"
    }
}

/// `POST /api/v1/tickets/{id}/messages`: `{"body": "...", "internal": false, "status": "pending_requester"}`.
struct StaffMessageRequest: Decodable {
    var body: String
    var isInternal: Bool?
    var status: String?

    enum CodingKeys: String, CodingKey {
        case body, status
        case isInternal = "internal"
    }

    func validated() throws(APIError) -> (body: String, isInternal: Bool, status: TicketStatus?) {
        let body = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty, body.count <= 20_000 else {
            throw APIError(.badRequest, code: "invalid_field", message: "body: 1 to 20000 characters")
        }
        var target: TicketStatus?
        if let status {
            guard let value = TicketStatus(rawValue: status), StaffReply.settable.contains(value) else {
                let allowed = StaffReply.settable.map(\.rawValue).joined(separator: ", ")
                throw APIError(.badRequest, code: "invalid_field", message: "status: one of \(allowed)")
            }
            target = value
        }
        return (body, isInternal ?? false, target)
    }
}

/// The answer to a staff message: its id and the ticket's status after it.
struct StaffMessageResult: Encodable {
    var id: Int64
    var ticketID: Int64
    var status: String

    enum CodingKeys: String, CodingKey {
        case id, status
        case ticketID = "ticket_id"
    }
}

/// `POST /api/v1/tickets/{id}/assign`: `{"staff_id": 7, "reason": "..."}`.
struct AssignRequest: Decodable {
    var staffID: Int64
    var reason: String?

    enum CodingKeys: String, CodingKey {
        case reason
        case staffID = "staff_id"
    }
}
