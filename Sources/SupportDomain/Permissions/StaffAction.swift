/// Everything the permission table decides, named as in the staff API and the audit log.
public enum StaffAction: String, CaseIterable, Codable, Hashable, Sendable {
    case viewQueue = "view_queue"
    case viewTicket = "view_ticket"
    case reply
    case internalNote = "internal_note"
    case reassign
    case escalate
    case merge
    case decideDispute = "decide_dispute"
    case approvePayout = "approve_payout"
    /// Register deals and record their deposits: the guarantor bot's account (an agent) and owners.
    case manageDeals = "manage_deals"
    case decideAppeal = "decide_appeal"
    case viewComplaint = "view_complaint"
    case manageKB = "manage_kb"
    case manageRules = "manage_rules"
    case viewReports = "view_reports"
    case manageStaff = "manage_staff"
    /// The ops page: queue depths, worker heartbeats, retrying dead jobs. L2 coders run the platform.
    case operateQueue = "operate_queue"
}
