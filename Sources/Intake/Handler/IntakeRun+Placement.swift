import Foundation
import SupportSchema
import SupportStore

extension IntakeRun {
    /// Appends the message to the right ticket (``TicketPlacement``), creating or reopening it as needed,
    /// and queues routing when a human must look (new, reopened, resumed, handed over).
    ///
    /// The history entries are written together at the end, in the order they happened, in the statement
    /// that stores the message: one statement per message instead of three or four.
    func place(_ requester: ResolvedRequester, handover: Bool) async throws -> IntakeOutcome {
        // A requester created by this transaction has no tickets yet: two lookups fewer per first contact.
        let isNew = requester.match == .created
        let threaded = isNew ? nil : try await threadedTicket(requester)
        let active = isNew ? nil : try await tickets.latestActiveTicket(requester: requester.id, channel: request.channel)
        let placement = TicketPlacement.decide(
            intent: request.intent, threaded: threaded, active: active, receivedAt: item.receivedAt,
            reopenWindow: configuration.reopenWindow)
        let actor: TicketActor = request.loggedByStaffID.map(TicketActor.staff) ?? .requester(requester.id)
        let ticket: TicketRecord
        let outcome: IntakeOutcome
        var events: [NewTicketEvent] = []
        switch placement {
        case .create(let previous):
            let subject = SubjectLine.subject(
                given: request.subject, text: request.body, hasAttachments: !request.attachments.isEmpty)
            ticket = try await tickets.create(
                NewTicket(requesterID: requester.id, channel: request.channel, subject: subject,
                          requestedCategory: request.requestedCategory))
            var data: [String: StoredJSON] = [
                "channel": .string(request.channel.rawValue), "inbound_item_id": .int(item.id.rawValue),
            ]
            if let previous { data["previous_ticket_id"] = .int(previous.id.rawValue) }
            if let staff = request.loggedByStaffID { data["logged_by_staff_id"] = .int(staff.rawValue) }
            events.append(NewTicketEvent(.created, actor: actor, data: data))
            if !handover, request.loggedByStaffID == nil,
                let answered = try await answerFromKnowledgeBase(ticket, requester: requester)
            {
                events.append(answered)
                outcome = .botAnswered(ticket.id)
            } else {
                try await acknowledge(ticket, requester: requester)
                try await route(ticket.id, handover ? .handover : .new)
                outcome = .created(ticket.id)
            }
        case .reopen(let finished):
            ticket = finished
            try await tickets.reopen(ticket.id)
            try await tickets.touchRequesterMessage(ticket.id)
            try await tickets.recordEvent(
                ticket.id, .reopened, actor: actor,
                data: ["previous_status": .string(finished.status.rawValue), "inbound_item_id": .int(item.id.rawValue)])
            try await route(ticket.id, handover ? .handover : .reopen)
            outcome = .reopened(ticket.id)
        case .append(let open, let resumes):
            ticket = open
            try await tickets.touchRequesterMessage(ticket.id)
            if resumes {
                try await tickets.setStatus(ticket.id, to: .open)
                try await tickets.recordEvent(
                    ticket.id, .statusChanged, actor: actor,
                    data: ["from": .string(open.status.rawValue), "to": "open", "reason": "requester_replied"])
            }
            if handover || resumes { try await route(ticket.id, handover ? .handover : .reply) }
            // Writing again after a bot answer asks for a person: counted as a hand-over.
            if resumes, !handover, try await FAQBotLedger(connection: connection, logger: logger).awaitsRequester(ticket.id) {
                try await tickets.recordEvent(
                    ticket.id, .handedOver, actor: actor,
                    data: ["inbound_item_id": .int(item.id.rawValue), "reason": "requester_replied"])
            }
            outcome = .appended(ticket.id)
        }
        let message = received(on: ticket, requester: requester, actor: actor)
        let receivedAt = events.count
        if let message { events.append(message.entry) }
        if handover {
            events.append(NewTicketEvent(.handedOver, actor: actor, data: ["inbound_item_id": .int(item.id.rawValue)]))
        }
        if let message {
            try await tickets.append(message.message, recording: events, received: receivedAt)
        } else {
            _ = try await tickets.recordEvents(ticket.id, events)
        }
        if case .append(_, let resumes) = placement, !handover, !resumes {
            // Routing reschedules the tickets it is queued for; a plain follow-up may start the next-response
            // clock, which reads this message's entry (written just above).
            try await SLAScheduler(connection: connection, jobs: jobs, logger: logger).reschedule(ticket.id, now: Date())
        }
        return outcome
    }

    /// The ticket an explicit thread hint points at, if it is this requester's.
    private func threadedTicket(_ requester: ResolvedRequester) async throws -> TicketRecord? {
        if case .edited(let original) = request.intent,
            let ticket = try await tickets.ticket(referencing: [original], requester: requester.id)
        {
            return ticket
        }
        if let number = request.thread.ticketNumber,
            let ticket = try await tickets.ticket(number: number, requester: requester.id)
        {
            return ticket
        }
        return try await tickets.ticket(referencing: request.thread.references, requester: requester.id)
    }

    /// The message to store and its `message_received` entry (the statement adds the message's id), or nil
    /// when the item carries nothing to store.
    private func received(
        on ticket: TicketRecord, requester: ResolvedRequester, actor: TicketActor
    ) -> (message: NewMessage, entry: NewTicketEvent)? {
        guard request.hasContent else { return nil }
        let edited = if case .edited = request.intent { true } else { false }
        let body = edited ? Self.editedPrefix + request.body : request.body
        let message = NewMessage(
            ticketID: ticket.id, requesterID: requester.id, channel: request.channel, body: body,
            attachments: request.attachments, externalMessageID: request.externalMessageID, inboundItemID: item.id)
        var data: [String: StoredJSON] = ["inbound_item_id": .int(item.id.rawValue)]
        if edited { data["edited"] = true }
        if !request.attachments.isEmpty { data["attachments"] = .int(Int64(request.attachments.count)) }
        return (message, NewTicketEvent(.messageReceived, actor: actor, data: data))
    }
}
