/// Who someone is on the desk. Staff hold one or more of the first five (`staff.roles`);
/// `requester` is the end user writing to support and never appears in `staff.roles`.
public enum Role: String, SchemaEnum {
    /// L1: answers questions and payment issues.
    case agent
    /// Handles moderation appeals (bans, mutes, warnings).
    case moderator
    /// Decides deal disputes.
    case arbiter
    /// L2: technical problems, bugs, incidents.
    case coder
    /// L3: complaints about the administration, payout approvals, configuration.
    case owner
    /// An end user of the community.
    case requester

    /// The roles a staff account may hold.
    public static let staffRoles: [Role] = [.agent, .moderator, .arbiter, .coder, .owner]

    public var isStaff: Bool { self != .requester }
}
