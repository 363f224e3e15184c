public import SupportSchema

/// The line, team and role for a classified ticket.
///
/// Questions, payments, suggestions and spam: L1 agents. Moderation appeals: moderators. Disputes:
/// arbiters, through the arbitration worker. Technical problems: L1 agents with L2 watching, or L2
/// coders straight away when the evidence is strong (``clearBugScore``) or the ticket is critical.
/// Complaints about the administration: L3 owners only. An incident is always L2.
public struct TicketRouter: Sendable {
    /// Technical score from which a ticket is "clearly a bug": several agreeing rules, or a choice plus a rule.
    public var clearBugScore: Double
    /// Skills a category needs, e.g. payment → payments; configured per deployment.
    public var skillsByCategory: [Category: Set<String>]

    public init(clearBugScore: Double = 3, skillsByCategory: [Category: Set<String>] = [.payment: ["payments"]]) {
        self.clearBugScore = clearBugScore
        self.skillsByCategory = skillsByCategory
    }

    /// The target for `decision`; `override` (a line set by escalation) wins over the category's line.
    public func route(
        _ decision: ClassificationDecision, isIncident: Bool = false, teams: [TeamProfile], line override: Line? = nil
    ) -> RoutingTarget {
        let natural = route(decision, isIncident: isIncident, teams: teams)
        guard let override, override != natural.line else { return natural }
        let role: Role =
            switch override {
            case .l1: natural.line == .l1 ? natural.role : .agent
            case .l2: .coder
            case .l3: .owner
            }
        let category = decision.category
        let team = Self.team(for: category, line: override, in: teams)
        return RoutingTarget(
            line: override, teamID: team?.id, role: role, skills: override == .l1 ? natural.skills : [],
            watchers: override == .l1 && category == .technical ? [.l2] : [], viaArbitration: false,
            why: "escalated to \(override.rawValue.uppercased()) (the category alone: \(natural.line.rawValue.uppercased()))"
                + (team.map { " → team \($0.name)" } ?? " → no team configured for this line"))
    }

    private func route(_ decision: ClassificationDecision, isIncident: Bool, teams: [TeamProfile]) -> RoutingTarget {
        let category = decision.category
        let (line, role, watchers, why): (Line, Role, [Line], String) =
            switch category {
            case .question, .payment, .suggestion, .spam:
                (.l1, .agent, [], "\(category.rawValue): L1 agents")
            case .moderationAppeal:
                (.l1, .moderator, [], "moderation appeal: moderators")
            case .dispute:
                (.l1, .arbiter, [], "deal dispute: arbiters via the arbitration worker")
            case .complaint:
                (.l3, .owner, [], "complaint about the administration: L3 owners only")
            case .technical where isIncident:
                (.l2, .coder, [], "incident: L2 coders")
            case .technical where decision.priority == .critical || decision.score(of: .technical) >= clearBugScore:
                (.l2, .coder, [], "clearly a bug (technical score \(TicketClassifier.format(decision.score(of: .technical))), \(decision.priority.rawValue)): L2 coders")
            case .technical:
                (.l1, .agent, [.l2], "technical: L1 agents first, L2 coders watching")
            }
        let team = Self.team(for: category, line: line, in: teams)
        return RoutingTarget(
            line: line, teamID: team?.id, role: role, skills: skillsByCategory[category] ?? [], watchers: watchers,
            viaArbitration: category == .dispute,
            why: why + (team.map { " → team \($0.name)" } ?? " → no team configured for this line"))
    }

    /// The team on `line` taking `category`, else any team on `line`; lowest id first, so stable.
    static func team(for category: Category, line: Line, in teams: [TeamProfile]) -> TeamProfile? {
        let onLine = teams.filter { $0.line == line }.sorted { $0.id < $1.id }
        return onLine.first { $0.categories.contains(category) } ?? onLine.first
    }
}
