import SupportSchema

/// What the requester wants from this item; decides what intake does besides storing text.
public enum InboundIntent: Sendable, Hashable {
    /// Plain text or files: append to the open ticket, or open one.
    case message
    /// `/new`: open a new ticket even if one is open.
    case newTicket
    /// `/status [#N]`: reply with the open tickets (or ticket N); nothing is stored on a ticket.
    case status(ticketNumber: Int64?)
    /// `/operator` or the "call an operator" button: hand the ticket to a human (routing reason `handover`).
    /// The button names its ticket (`ticket.id`).
    case handover(ticketID: TicketID?)
    /// `/rate N comment` or a CSAT button: `score` is nil when missing or outside 1–5 (the requester is told).
    /// The button names its ticket; the command rates the most recently finished one.
    case rate(score: Int?, comment: String?, ticketID: TicketID?)
    /// `/start` (and `/help`): welcome text with the commands.
    case start(payload: String?)
    /// An edited telegram message: appended as a note next to the original, with the new text.
    case edited(originalMessageID: String)
    /// The "this helped" button under a bot answer: recorded on the ticket.
    case helped(ticketID: TicketID)
}
