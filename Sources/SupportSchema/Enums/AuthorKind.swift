/// Who wrote a message or caused a ticket event (`message.author_kind`, `ticket_event.actor_kind`).
public enum AuthorKind: String, SchemaEnum {
    case requester
    case staff
    /// The platform itself: status notes, SLA escalations, incident broadcasts.
    case system
    /// The FAQ bot (and an optional LLM draft) answering on the requester's channel.
    case bot
}
