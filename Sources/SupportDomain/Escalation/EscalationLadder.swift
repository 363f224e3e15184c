import Foundation
public import SupportSchema

/// The escalation ladder: what happens when an SLA deadline falls due, and which manual moves are allowed.
///
/// - Warning (80%): the assignee is told; with nobody assigned, the line is.
/// - First breach: the team lead is told, and the ticket is reassigned when its assignee is not
///   available. Owners' matters (complaints, disputes with complaints, confidential tickets) go to L3 at once, and an L2
///   ticket past its limit goes to L3.
/// - A second breach moves the ticket one line up (L1 → L2 coders, L2 → L3 owners); at L3 every owner
///   is told.
/// - An incident stays with its coders: owners are told instead of taking it over.
public struct EscalationLadder: Sendable {
    public init() {}

    public func plan(for alarm: SLAAlarm, facts: EscalationFacts) -> EscalationPlan {
        let clock = alarm.clock.rawValue.replacingOccurrences(of: "_", with: " ")
        switch alarm.deadline {
        case .warning:
            if let assignee = facts.assigneeID {
                return EscalationPlan(steps: [.notifyAssignee(assignee)], why: "\(clock) at 80%: the assignee is told")
            }
            return EscalationPlan(steps: [.notifyLine(facts.line)], why: "\(clock) at 80% with nobody assigned: the line is told")
        case .breach:
            return breach(clock: clock, facts: facts)
        }
    }

    private func breach(clock: String, facts: EscalationFacts) -> EscalationPlan {
        var steps: [EscalationStep] = [facts.teamLeadID.map(EscalationStep.notifyTeamLead) ?? .notifyLine(facts.line)]
        if facts.belongsToOwners, facts.line < .l3 {
            steps.append(.moveTo(.l3))
            return EscalationPlan(steps: steps, why: "\(clock) breached on an owners' matter: moved to L3")
        }
        let second = facts.earlierBreaches >= 1
        let pastL2Limit = facts.line == .l2
        if let next = facts.line.next, second || pastL2Limit {
            if facts.isIncident {
                steps.append(.notifyLine(next))
                return EscalationPlan(steps: steps, why: "\(clock) breached on an incident: coders keep it, \(next.rawValue.uppercased()) is told")
            }
            steps.append(.moveTo(next))
            let why = second ? "second breach (\(clock))" : "\(clock) breached at L2"
            return EscalationPlan(steps: steps, why: "\(why): moved to \(next.rawValue.uppercased())")
        }
        if facts.line == .l3 {
            if !steps.contains(.notifyLine(.l3)) { steps.append(.notifyLine(.l3)) }
            return EscalationPlan(steps: steps, why: "\(clock) breached at L3: every owner is told")
        }
        if facts.assigneeID == nil || !facts.assigneeAvailable {
            steps.append(.reassign)
            return EscalationPlan(steps: steps, why: "\(clock) breached and the assignee is not available: lead told, reassigned")
        }
        return EscalationPlan(steps: steps, why: "\(clock) breached: the team lead is told")
    }

    /// The line a manual escalation moves the ticket to.
    public func manual(_ direction: ManualEscalation, reason: String, facts: EscalationFacts) -> Result<Line, ManualEscalationError> {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .failure(.reasonRequired) }
        switch direction {
        case .up:
            guard let next = facts.line.next else { return .failure(.alreadyTopLine) }
            return .success(facts.belongsToOwners ? .l3 : next)
        case .down:
            if facts.belongsToOwners { return .failure(.ownersOnly) }
            switch facts.line {
            case .l1: return .failure(.alreadyFirstLine)
            case .l2: return .success(.l1)
            case .l3: return .success(.l2)
            }
        }
    }
}
