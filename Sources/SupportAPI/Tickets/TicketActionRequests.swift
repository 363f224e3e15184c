import Foundation
import SupportDomain

/// `POST /api/v1/tickets/{id}/escalate`: `{"direction": "up" | "down", "reason": "..."}`.
struct EscalateRequest: Decodable {
    var direction: String
    var reason: String

    func validated() throws(APIError) -> (ManualEscalation, String) {
        guard let direction = ManualEscalation(rawValue: direction) else {
            throw APIError(.badRequest, code: "invalid_field", message: "direction: \"up\" or \"down\"")
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 2000 else {
            throw APIError(.badRequest, code: "invalid_field", message: "reason: 1 to 2000 characters")
        }
        return (direction, reason)
    }
}

/// `POST /api/v1/tickets/{id}/fixed`: `{"note": "..."}`, the status note every linked requester gets.
struct FixedRequest: Decodable {
    var note: String

    func validated() throws(APIError) -> String {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty, note.count <= 2000 else {
            throw APIError(.badRequest, code: "invalid_field", message: "note: 1 to 2000 characters")
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
