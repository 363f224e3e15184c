import SupportDomain
import SupportSchema
import Testing

struct IncidentDetectorTests {
    let detector = IncidentDetector()

    func report(_ id: Int64, by requester: Int64, _ words: String, incident: Bool = false, in parent: Int64? = nil,
                priority: Priority = .normal) -> ReportSummary {
        ReportSummary(ticketID: TicketID(id), requesterID: RequesterID(requester), lexemes: Set(words.split(separator: " ").map(String.init)),
                      isIncident: incident, incidentID: parent.map { TicketID($0) }, priority: priority)
    }

    @Test func twoPeopleWithOneProblemOpenAnIncident() {
        let new = report(2, by: 20, "бот гарант отвеча")
        let decision = detector.detect(new, category: .technical, recent: [report(1, by: 10, "бот гарант отвеча сделк")])
        #expect(decision == .open(reports: [TicketID(1)], similarity: 1))
    }

    @Test func theSamePersonTwiceIsNotAnIncident() {
        let new = report(2, by: 10, "бот гарант отвеча")
        #expect(detector.detect(new, category: .technical, recent: [report(1, by: 10, "бот гарант отвеча")]) == .none)
    }

    @Test func differentProblemsDoNotMatch() {
        let new = report(2, by: 20, "сайт войт парол")
        #expect(detector.detect(new, category: .technical, recent: [report(1, by: 10, "бот гарант отвеча")]) == .none)
        let oneWordInCommon = report(3, by: 20, "бот медлен")
        #expect(detector.detect(oneWordInCommon, category: .technical, recent: [report(1, by: 10, "бот гарант отвеча")]) == .none)
    }

    @Test(arguments: Category.allCases)
    func onlyOutageLikeCategoriesCount(category: Category) {
        let new = report(2, by: 20, "деньг пришл выплат")
        let decision = detector.detect(new, category: category, recent: [report(1, by: 10, "деньг пришл выплат")])
        #expect((decision != .none) == [.technical, .payment].contains(category))
    }

    @Test func laterReportsJoinTheOpenIncident() {
        let recent = [report(1, by: 10, "бот отвеча гарант"), report(5, by: 0, "бот отвеча гарант", incident: true)]
        #expect(detector.detect(report(9, by: 30, "гарант бот отвеча"), category: .technical, recent: recent)
            == .join(incident: TicketID(5), similarity: 1))
    }

    @Test func aReportAlreadyInAnIncidentLeadsThere() {
        let recent = [report(1, by: 10, "бот отвеча гарант", in: 5)]
        #expect(detector.detect(report(9, by: 30, "бот отвеча"), category: .technical, recent: recent)
            == .join(incident: TicketID(5), similarity: 1))
    }

    @Test func allSimilarReportsFromOthersAreLinked() {
        let recent = [report(3, by: 30, "выплат пришл деньг"), report(1, by: 10, "деньг пришл выплат сделк"), report(2, by: 20, "сайт войт")]
        #expect(detector.detect(report(4, by: 40, "выплат деньг пришл"), category: .payment, recent: recent)
            == .open(reports: [TicketID(1), TicketID(3)], similarity: 1))
    }

    @Test func similarityIsTheOverlapOfTheShorterReport() {
        #expect(detector.similarity(["a", "b"], ["a", "b", "c", "d", "e", "f"]) == 1)
        #expect(detector.similarity(["a", "b", "c", "d"], ["a", "b", "x", "y"]) == 0.5)
        #expect(detector.similarity(["a", "b", "c", "d", "e"], ["a", "b", "x", "y", "z"]) == nil, "0.4 is below the threshold")
        #expect(detector.similarity(["a"], ["a"]) == nil, "one shared word is not enough")
        #expect(detector.similarity([], []) == nil)
    }

    @Test func incidentPriorityGrowsWithReporters() {
        #expect(IncidentDetector.priority(reporters: 2, reports: [.normal, .normal]) == .high)
        #expect(IncidentDetector.priority(reporters: 4, reports: [.low]) == .high)
        #expect(IncidentDetector.priority(reporters: 5, reports: [.normal]) == .critical)
        #expect(IncidentDetector.priority(reporters: 2, reports: [.critical, .normal]) == .critical)
    }

    @Test func onlyACriticalIncidentCannotBeRaisedByAJoin() {
        #expect(Priority.allCases.filter(IncidentDetector.joinCanRaise) == [.low, .normal, .high])
        for reporters in 0...10 {
            for reports in Priority.allCases {
                let wanted = IncidentDetector.priority(reporters: reporters, reports: [reports])
                #expect(!(wanted > .critical))
                #expect(IncidentDetector.joinCanRaise(wanted) == (wanted != .critical))
            }
        }
    }
}
