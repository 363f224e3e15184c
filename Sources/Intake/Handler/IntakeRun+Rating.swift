import Foundation
import SupportSchema
import SupportStore

extension IntakeRun {
    /// CSAT: a button rates its ticket; `/rate` rates the most recently finished one. An invalid score or
    /// nothing to rate gets an explaining reply instead. The low-rating policy applies (`CSATRecorder`).
    func rate(_ requester: ResolvedRequester, score: Int?, comment: String?, ticketID: TicketID?) async throws
        -> IntakeOutcome
    {
        let text = ReplyText(locale: requester.locale)
        guard let score, (1...5).contains(score) else {
            try await reply(requester, template: "rate_invalid", text: text.rateInvalid())
            return .replied(template: "rate_invalid")
        }
        let ticket: TicketRecord?
        if let ticketID {
            ticket = try await ownTicket(ticketID, of: requester)
        } else {
            ticket = try await tickets.latestFinishedTicket(requester: requester.id)
        }
        guard let ticket else {
            try await reply(requester, template: "rate_no_ticket", text: text.rateNoTicket())
            return .replied(template: "rate_no_ticket")
        }
        let trimmed = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        let note = trimmed.flatMap { $0.isEmpty ? nil : $0 }
        _ = try await CSATRecorder(connection: connection, jobs: jobs, logger: logger).record(
            ticket.id, score: score, comment: note, by: requester.id, data: ["inbound_item_id": .int(item.id.rawValue)])
        try await reply(requester, template: "rated", text: text.rated(number: ticket.number, score: score), ticket: ticket)
        return .rated(ticket.id)
    }
}
