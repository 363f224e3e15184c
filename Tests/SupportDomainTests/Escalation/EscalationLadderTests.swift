import Foundation
import SupportDomain
import SupportSchema
import Testing

struct EscalationLadderTests {
    let ladder = EscalationLadder()
    let agent = StaffID(7)
    let lead = StaffID(2)
    let due = Date(timeIntervalSince1970: 1_800_000_000)

    func alarm(_ deadline: SLADeadlineKind, _ clock: SLAClockKind = .firstResponse) -> SLAAlarm {
        SLAAlarm(clock: clock, deadline: deadline, dueAt: due)
    }

    func facts(
        _ line: Line = .l1, _ category: Category = .question, assignee: StaffID? = StaffID(7), available: Bool = true,
        lead: StaffID? = StaffID(2), breaches: Int = 0, incident: Bool = false, disputeComplaint: Bool = false,
        confidential: Bool = false
    ) -> EscalationFacts {
        EscalationFacts(
            line: line, category: category, isIncident: incident, assigneeID: assignee, assigneeAvailable: available,
            teamLeadID: lead, earlierBreaches: breaches, disputeWithComplaint: disputeComplaint, isConfidential: confidential)
    }

    @Test(arguments: SLAClockKind.allCases, Line.allCases)
    func aWarningTellsTheAssigneeOnEveryClockAndLine(clock: SLAClockKind, line: Line) {
        #expect(ladder.plan(for: alarm(.warning, clock), facts: facts(line)).steps == [.notifyAssignee(agent)])
        #expect(ladder.plan(for: alarm(.warning, clock), facts: facts(line, assignee: nil)).steps == [.notifyLine(line)])
    }

    @Test func aFirstBreachAtL1TellsTheLeadAndKeepsAnAvailableAssignee() {
        let plan = ladder.plan(for: alarm(.breach), facts: facts())
        #expect(plan.steps == [.notifyTeamLead(lead)])
        #expect(plan.movesTo == nil)
    }

    @Test func aFirstBreachReassignsWhenTheAssigneeIsAwayOrMissing() {
        #expect(ladder.plan(for: alarm(.breach), facts: facts(available: false)).steps == [.notifyTeamLead(lead), .reassign])
        #expect(ladder.plan(for: alarm(.breach), facts: facts(assignee: nil)).steps == [.notifyTeamLead(lead), .reassign])
    }

    @Test func withoutALeadTheLineIsTold() {
        #expect(ladder.plan(for: alarm(.breach), facts: facts(lead: nil)).steps == [.notifyLine(.l1)])
    }

    @Test(arguments: [Category.question, .payment, .technical, .moderationAppeal, .suggestion])
    func aSecondBreachAtL1GoesToL2Coders(category: Category) {
        let plan = ladder.plan(for: alarm(.breach, .nextResponse), facts: facts(.l1, category, breaches: 1))
        #expect(plan.steps == [.notifyTeamLead(lead), .moveTo(.l2)])
        #expect(plan.why.contains("second breach"))
    }

    @Test func anL2TicketPastItsLimitGoesToL3() {
        #expect(ladder.plan(for: alarm(.breach, .resolution), facts: facts(.l2, .technical)).movesTo == .l3)
        #expect(ladder.plan(for: alarm(.breach), facts: facts(.l2, .technical, breaches: 3)).movesTo == .l3)
    }

    @Test func anIncidentStaysWithCodersAndOwnersAreTold() {
        let plan = ladder.plan(for: alarm(.breach, .resolution), facts: facts(.l2, .technical, incident: true))
        #expect(plan.steps == [.notifyTeamLead(lead), .notifyLine(.l3)])
        #expect(plan.movesTo == nil)
    }

    @Test func atL3EveryOwnerIsTold() {
        #expect(ladder.plan(for: alarm(.breach), facts: facts(.l3, .complaint, breaches: 4)).steps == [.notifyTeamLead(lead), .notifyLine(.l3)])
        #expect(ladder.plan(for: alarm(.breach), facts: facts(.l3, .complaint, lead: nil)).steps == [.notifyLine(.l3)])
    }

    @Test func ownersMattersGoStraightToL3OnTheFirstBreach() {
        #expect(ladder.plan(for: alarm(.breach), facts: facts(.l1, .dispute, disputeComplaint: true)).movesTo == .l3)
        #expect(ladder.plan(for: alarm(.breach), facts: facts(.l1, .complaint)).movesTo == .l3)
        #expect(ladder.plan(for: alarm(.breach), facts: facts(.l1, .dispute)).movesTo == nil)
        #expect(ladder.plan(for: alarm(.breach), facts: facts(.l2, .question, confidential: true)).movesTo == .l3)
    }

    @Test func manualEscalationMovesOneLineAndNeedsAReason() {
        #expect(ladder.manual(.up, reason: "L1 cannot reproduce", facts: facts(.l1, .technical)) == .success(.l2))
        #expect(ladder.manual(.up, reason: "fix is past its date", facts: facts(.l2, .technical)) == .success(.l3))
        #expect(ladder.manual(.up, reason: "x", facts: facts(.l3, .technical)) == .failure(.alreadyTopLine))
        #expect(ladder.manual(.down, reason: "not a bug", facts: facts(.l2, .technical)) == .success(.l1))
        #expect(ladder.manual(.down, reason: "coders own it", facts: facts(.l3, .technical)) == .success(.l2))
        #expect(ladder.manual(.down, reason: "x", facts: facts(.l1)) == .failure(.alreadyFirstLine))
        #expect(ladder.manual(.up, reason: "  \n", facts: facts(.l1)) == .failure(.reasonRequired))
        #expect(ladder.manual(.down, reason: "", facts: facts(.l2)) == .failure(.reasonRequired))
    }

    @Test func ownersMattersNeverLeaveL3AndGoStraightThere() {
        #expect(ladder.manual(.down, reason: "mine", facts: facts(.l3, .complaint)) == .failure(.ownersOnly))
        #expect(ladder.manual(.up, reason: "party complains", facts: facts(.l1, .dispute, disputeComplaint: true)) == .success(.l3))
        // A confidential ticket is for owners only: down a line nobody could see it.
        #expect(ladder.manual(.down, reason: "coders", facts: facts(.l3, .technical, confidential: true)) == .failure(.ownersOnly))
        #expect(ladder.plan(for: alarm(.breach), facts: facts(.l3, .question, breaches: 2, confidential: true)).movesTo == nil)
    }
}
