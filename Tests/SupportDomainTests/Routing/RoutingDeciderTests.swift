import Foundation
import SupportDomain
import SupportSchema
import Testing

struct RoutingDeciderTests {
    let decider = RoutingDecider()
    let teams = [
        TeamProfile(id: TeamID(1), name: "Support", line: .l1, categories: [.question, .payment, .technical]),
        TeamProfile(id: TeamID(2), name: "Moderation", line: .l1, categories: [.moderationAppeal]),
        TeamProfile(id: TeamID(4), name: "Engineering", line: .l2, categories: [.technical]),
        TeamProfile(id: TeamID(5), name: "Owners", line: .l3, categories: [.complaint]),
    ]
    let staff = [
        StaffCandidate(id: StaffID(1), roles: [.agent], activeTickets: 2),
        StaffCandidate(id: StaffID(2), roles: [.agent], activeTickets: 1),
        StaffCandidate(id: StaffID(3), roles: [.moderator]),
        StaffCandidate(id: StaffID(4), roles: [.moderator], activeTickets: 3),
        StaffCandidate(id: StaffID(5), roles: [.coder]),
        StaffCandidate(id: StaffID(6), roles: [.owner]),
        StaffCandidate(id: StaffID(7), roles: [.owner], activeTickets: 1),
    ]
    let monday = ekb(3, "12:00")

    func context(_ text: String, category: Category, by requester: Int64 = 10, ticket: Int64 = 100,
                 recent: [ReportSummary] = [], conflicts: ConflictOfInterest = ConflictOfInterest(), now: Date? = nil) -> RoutingContext {
        RoutingContext(
            report: ReportSummary(ticketID: TicketID(ticket), requesterID: RequesterID(requester), lexemes: Set(text.split(separator: " ").map(String.init))),
            hits: [ClassificationRule(id: ClassificationRuleID(1), pattern: "x", category: category)],
            recent: recent, teams: teams, staff: staff, conflicts: conflicts, now: now ?? monday)
    }

    @Test func aQuestionGoesToTheLeastLoadedAgentDuringHours() {
        let plan = decider.decide(context("как сделк", category: .question))
        #expect(plan.classification.category == .question)
        #expect(plan.target.teamID == TeamID(1))
        #expect(plan.assignment.staffID == StaffID(2))
        #expect(plan.answerFrom == nil)
        #expect(plan.incident == .none)
    }

    @Test func anAppealNeverReachesThePunishingModerator() {
        let plan = decider.decide(context("бан", category: .moderationAppeal, conflicts: ConflictOfInterest(punishingModerator: StaffID(3))))
        #expect(plan.assignment.staffID == StaffID(4))
    }

    @Test func aComplaintNeverReachesTheOwnerItNames() {
        let plan = decider.decide(context("жалоб", category: .complaint, conflicts: ConflictOfInterest(namedInComplaint: StaffID(6))))
        #expect(plan.target.line == .l3)
        #expect(plan.assignment.staffID == StaffID(7))
    }

    @Test func theCurrentAssigneeIsKeptUnlessTheyMayNoLongerHaveIt() {
        var keep = context("x", category: .question)
        keep.currentAssignee = StaffID(1)
        #expect(decider.decide(keep).assignment == .now(StaffID(1), why: "kept the current assignee"))
        var conflicted = context("x", category: .complaint, conflicts: ConflictOfInterest(namedInComplaint: StaffID(6)))
        conflicted.currentAssignee = StaffID(6)
        #expect(decider.decide(conflicted).assignment.staffID == StaffID(7))
    }

    @Test func friday2200TellsWhenTheAnswerComes() {
        let plan = decider.decide(context("x", category: .question, now: ekb(7, "22:00")))
        #expect(plan.answerFrom == ekb(10, "10:00"))
        let open = decider.decide(context("x", category: .question, now: ekb(7, "21:59")))
        #expect(open.answerFrom == nil)
    }

    @Test func aTeamCalendarWithHolidaysIsUsed() throws {
        var ctx = context("x", category: .question, now: ekb(7, "21:00"))
        ctx.teams[0].calendarName = "support"
        ctx.calendars = ["support": try BusinessCalendar(holidays: [CivilDate("2025-03-07")!, CivilDate("2025-03-10")!])]
        #expect(decider.decide(ctx).answerFrom == ekb(11, "10:00"))
    }

    @Test func aSecondReporterOpensAnL2IncidentAtHighPriority() {
        let first = ReportSummary(ticketID: TicketID(50), requesterID: RequesterID(11), lexemes: ["бот", "отвеча", "гарант"])
        let plan = decider.decide(context("бот отвеча", category: .technical, recent: [first]))
        #expect(plan.incident == .open(reports: [TicketID(50)], similarity: 1))
        #expect(plan.incidentPriority == .high)
        #expect(plan.incidentTarget?.line == .l2)
        #expect(plan.incidentTarget?.teamID == TeamID(4))
        #expect(plan.incidentAssignment?.staffID == StaffID(5))
        #expect(plan.target.line == .l1, "the report itself stays with an agent who answers its requester")
    }

    @Test func aPaymentOutageBecomesATechnicalIncident() {
        let first = ReportSummary(ticketID: TicketID(50), requesterID: RequesterID(11), lexemes: ["выплат", "пришл"])
        let plan = decider.decide(context("выплат пришл", category: .payment, recent: [first]))
        #expect(plan.incidentTarget?.line == .l2)
        #expect(plan.incidentTarget?.role == .coder)
    }

    @Test func aReportAlreadyLinkedIsNotDetectedAgain() {
        var ctx = context("бот отвеча", category: .technical, recent: [ReportSummary(ticketID: TicketID(50), requesterID: RequesterID(11), lexemes: ["бот", "отвеча"])])
        ctx.report.incidentID = TicketID(77)
        #expect(decider.decide(ctx).incident == .none)
    }

    /// The worker saves `route` before it takes the detection locks, so the report's own plan must not
    /// depend on the other reports.
    @Test func theReportsOwnPlanDoesNotDependOnOtherReports() {
        let first = ReportSummary(ticketID: TicketID(50), requesterID: RequesterID(11), lexemes: ["бот", "отвеча"])
        let alone = context("бот отвеча", category: .technical)
        let withOthers = context("бот отвеча", category: .technical, recent: [first])
        let routed = decider.route(withOthers)
        #expect(routed.incident == .none)
        #expect(routed.incidentTarget == nil)
        for (a, b) in [(routed, decider.decide(withOthers)), (routed, decider.route(alone))] {
            #expect(a.classification == b.classification)
            #expect(a.target == b.target)
            #expect(a.assignment == b.assignment)
            #expect(a.answerFrom == b.answerFrom)
        }
        #expect(decider.detectIncident(in: routed, context: withOthers).incident == .open(reports: [TicketID(50)], similarity: 1))
    }

    @Test func aStoredClassificationIsKept() {
        var ctx = context("x", category: .question)
        ctx.previous = TicketClassifier().classify(hits: [], requestedCategory: .payment)
        #expect(decider.decide(ctx).classification.category == .payment)
    }

    @Test func conflictsListTheirReasons() {
        let conflicts = ConflictOfInterest(parties: [StaffID(1)], punishingModerator: StaffID(3), namedInComplaint: StaffID(6))
        #expect(conflicts.excluded == [StaffID(1): "a party to the case", StaffID(3): "issued the punishment under appeal", StaffID(6): "named in the complaint"])
    }
}
