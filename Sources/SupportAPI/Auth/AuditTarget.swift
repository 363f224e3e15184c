/// What an action is on, for `audit_log.target_type`/`target_id`.
struct AuditTarget: Sendable, Hashable {
    var type: String
    var id: Int64?

    static func ticket(_ id: Int64?) -> AuditTarget { AuditTarget(type: "ticket", id: id) }
    static func staff(_ id: Int64?) -> AuditTarget { AuditTarget(type: "staff", id: id) }
}
