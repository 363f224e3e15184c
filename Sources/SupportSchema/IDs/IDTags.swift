/// Phantom tags for ``ID``: one empty enum per table. They are never instantiated.
public enum IDTag {
    public enum Requester {}
    public enum RequesterIdentity {}
    public enum Staff {}
    public enum Team {}
    public enum StaffShift {}
    public enum Ticket {}
    public enum TicketEvent {}
    public enum Message {}
    public enum InboundItem {}
    public enum AuditEntry {}
    public enum Deal {}
    public enum Dispute {}
    public enum Evidence {}
    public enum Punishment {}
    public enum Article {}
    public enum Notification {}
    public enum ClassificationRule {}
    public enum SLAPolicy {}
}

/// `requester.id`: an end user, whatever channels they write from.
public typealias RequesterID = ID<IDTag.Requester>
/// `requester_identity.id`: one channel address (telegram id, email, portal login) of a requester.
public typealias RequesterIdentityID = ID<IDTag.RequesterIdentity>
/// `staff.id`: an agent, moderator, arbiter, coder or owner.
public typealias StaffID = ID<IDTag.Staff>
/// `team.id`.
public typealias TeamID = ID<IDTag.Team>
/// `staff_shift.id`.
public typealias StaffShiftID = ID<IDTag.StaffShift>
/// `ticket.id`: the internal key. The number shown to people is `ticket.number`.
public typealias TicketID = ID<IDTag.Ticket>
/// `ticket_event.id`: one entry of a ticket's append-only history.
public typealias TicketEventID = ID<IDTag.TicketEvent>
/// `message.id`.
public typealias MessageID = ID<IDTag.Message>
/// `inbound_item.id`: a raw item as received by the API, before parsing.
public typealias InboundItemID = ID<IDTag.InboundItem>
/// `audit_log.id`.
public typealias AuditEntryID = ID<IDTag.AuditEntry>
/// `deal.id`: a guarantor-bot deal.
public typealias DealID = ID<IDTag.Deal>
/// `dispute.id`.
public typealias DisputeID = ID<IDTag.Dispute>
/// `dispute_evidence.id`.
public typealias EvidenceID = ID<IDTag.Evidence>
/// `punishment.id`: a ban, mute or warning issued in a community chat.
public typealias PunishmentID = ID<IDTag.Punishment>
/// `kb_article.id`.
public typealias ArticleID = ID<IDTag.Article>
/// `notification.id`.
public typealias NotificationID = ID<IDTag.Notification>
/// `classification_rule.id`.
public typealias ClassificationRuleID = ID<IDTag.ClassificationRule>
/// `sla_policy.id`.
public typealias SLAPolicyID = ID<IDTag.SLAPolicy>
