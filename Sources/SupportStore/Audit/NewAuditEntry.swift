public import SupportSchema

/// One `audit_log` row to append: who did what to which target, with the state before and after.
public struct NewAuditEntry: Sendable, Hashable {
    /// Nil for requesters and the platform itself.
    public var actorStaffID: StaffID?
    /// A `Role` raw value or `system` (the table's CHECK).
    public var actorRole: String
    /// Dotted lower case, e.g. `staff.create`, `access.denied`.
    public var action: String
    public var targetType: String
    public var targetID: Int64?
    public var before: [String: StoredJSON]?
    public var after: [String: StoredJSON]?
    public var reason: String?

    public init(
        actorStaffID: StaffID?, actorRole: String, action: String, targetType: String, targetID: Int64? = nil,
        before: [String: StoredJSON]? = nil, after: [String: StoredJSON]? = nil, reason: String? = nil
    ) {
        self.actorStaffID = actorStaffID
        self.actorRole = actorRole
        self.action = action
        self.targetType = targetType
        self.targetID = targetID
        self.before = before
        self.after = after
        self.reason = reason
    }
}
