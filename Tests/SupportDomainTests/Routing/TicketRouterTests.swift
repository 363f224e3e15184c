import SupportDomain
import SupportSchema
import Testing

struct TicketRouterTests {
    let router = TicketRouter()
    let teams = [
        TeamProfile(id: TeamID(1), name: "Support", line: .l1, categories: [.question, .payment, .technical, .suggestion]),
        TeamProfile(id: TeamID(2), name: "Moderation", line: .l1, categories: [.moderationAppeal]),
        TeamProfile(id: TeamID(3), name: "Arbitration", line: .l1, categories: [.dispute]),
        TeamProfile(id: TeamID(4), name: "Engineering", line: .l2, categories: [.technical]),
        TeamProfile(id: TeamID(5), name: "Owners", line: .l3, categories: [.complaint]),
    ]

    func decision(_ category: Category, priority: Priority = .normal, technical: Double = 1) -> ClassificationDecision {
        ClassificationDecision(
            category: category, priority: priority,
            scores: [.init(category: category, score: category == .technical ? technical : 1)], hits: [],
            requestedCategory: nil, reasons: [])
    }

    @Test(arguments: [
        (Category.question, Line.l1, Role.agent, Int64(1)), (.payment, .l1, .agent, 1), (.suggestion, .l1, .agent, 1),
        (.spam, .l1, .agent, 1), (.moderationAppeal, .l1, .moderator, 2), (.dispute, .l1, .arbiter, 3),
        (.complaint, .l3, .owner, 5), (.technical, .l1, .agent, 1),
    ])
    func everyCategoryHasItsLineRoleAndTeam(row: (Category, Line, Role, Int64)) {
        let target = router.route(decision(row.0), teams: teams)
        #expect(target.line == row.1)
        #expect(target.role == row.2)
        #expect(target.teamID == TeamID(row.3))
        #expect(target.viaArbitration == (row.0 == .dispute))
    }

    @Test func technicalAtL1HasL2Watching() {
        #expect(router.route(decision(.technical), teams: teams).watchers == [.l2])
    }

    @Test func clearBugsGoStraightToL2() {
        let strong = router.route(decision(.technical, technical: 3), teams: teams)
        #expect(strong.line == .l2 && strong.role == .coder && strong.teamID == TeamID(4) && strong.watchers.isEmpty)
        let critical = router.route(decision(.technical, priority: .critical, technical: 1), teams: teams)
        #expect(critical.line == .l2)
        let incident = router.route(decision(.technical), isIncident: true, teams: teams)
        #expect(incident.line == .l2 && incident.why.hasPrefix("incident"))
    }

    @Test func paymentsNeedThePaymentsSkill() {
        #expect(router.route(decision(.payment), teams: teams).skills == ["payments"])
        #expect(router.route(decision(.question), teams: teams).skills.isEmpty)
    }

    @Test func withoutAMatchingTeamAnyTeamOnTheLineTakesIt() {
        let l1Only = [TeamProfile(id: TeamID(9), name: "Desk", line: .l1, categories: [])]
        #expect(router.route(decision(.moderationAppeal), teams: l1Only).teamID == TeamID(9))
        let target = router.route(decision(.complaint), teams: l1Only)
        #expect(target.teamID == nil && target.line == .l3)
        #expect(target.why.hasSuffix("no team configured for this line"))
    }

    @Test func teamChoiceIsStableByID() {
        let twins = [
            TeamProfile(id: TeamID(7), name: "B", line: .l1, categories: [.question]),
            TeamProfile(id: TeamID(6), name: "A", line: .l1, categories: [.question]),
        ]
        #expect(router.route(decision(.question), teams: twins).teamID == TeamID(6))
    }
}
