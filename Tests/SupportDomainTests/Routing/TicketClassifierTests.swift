import Foundation
import SupportDomain
import SupportSchema
import Testing

struct TicketClassifierTests {
    let classifier = TicketClassifier()

    func rule(_ id: Int64, _ category: Category, weight: Double = 1, boost: Int = 0) -> ClassificationRule {
        ClassificationRule(id: ClassificationRuleID(id), pattern: "p\(id)", category: category, priorityBoost: boost, weight: weight)
    }

    @Test func noEvidenceIsANormalQuestion() {
        let decision = classifier.classify(hits: [], requestedCategory: nil)
        #expect(decision.category == .question)
        #expect(decision.priority == .normal)
        #expect(decision.scores.isEmpty)
        #expect(decision.reasons == ["no rule hit: question by default"])
    }

    @Test func weightsAddUpPerCategory() {
        let decision = classifier.classify(
            hits: [rule(1, .payment), rule(2, .technical, weight: 1.5), rule(3, .payment, weight: 1)], requestedCategory: nil)
        #expect(decision.category == .payment)
        #expect(decision.score(of: .payment) == 2)
        #expect(decision.score(of: .technical) == 1.5)
        #expect(decision.scores.map(\.category) == [.payment, .technical])
        #expect(decision.reasons.first == "rule #1 \"p1\" → payment +1.0")
    }

    @Test func aRuleCountsOnceEvenIfReportedTwice() {
        let decision = classifier.classify(hits: [rule(1, .spam), rule(1, .spam), rule(2, .question, weight: 1.5)], requestedCategory: nil)
        #expect(decision.category == .question)
        #expect(decision.hits.count == 2)
    }

    @Test(arguments: [
        (Category.complaint, Category.question), (.dispute, .payment), (.moderationAppeal, .complaint),
        (.technical, .payment), (.payment, .question), (.question, .suggestion), (.suggestion, .spam),
    ])
    func tiesGoToTheMoreSeriousCategory(pair: (Category, Category)) {
        let (serious, other) = pair
        let expected = TicketClassifier.precedence.firstIndex(of: serious)! < TicketClassifier.precedence.firstIndex(of: other)!
            ? serious : other
        #expect(classifier.classify(hits: [rule(1, other), rule(2, serious)], requestedCategory: nil).category == expected)
        #expect(classifier.classify(hits: [rule(2, serious), rule(1, other)], requestedCategory: nil).category == expected)
    }

    @Test func precedenceListsEveryCategoryOnce() {
        #expect(Set(TicketClassifier.precedence) == Set(Category.allCases))
        #expect(TicketClassifier.precedence.count == Category.allCases.count)
    }

    @Test func theRequestersChoiceOutweighsOneKeywordButNotSeveral() {
        let one = classifier.classify(hits: [rule(1, .question, weight: 2)], requestedCategory: .payment)
        #expect(one.category == .payment)
        #expect(one.requestedCategory == .payment)
        #expect(one.reasons.last == "requester chose payment +2.5")
        let several = classifier.classify(hits: [rule(1, .dispute, weight: 2), rule(2, .dispute, weight: 1)], requestedCategory: .payment)
        #expect(several.category == .dispute)
    }

    @Test(arguments: Category.allCases)
    func basePriorityIsLowOnlyForSuggestionsAndSpam(category: Category) {
        let decision = classifier.classify(hits: [], requestedCategory: category)
        #expect(decision.category == category)
        #expect(decision.priority == ([.suggestion, .spam].contains(category) ? .low : .normal))
    }

    @Test func theLargestRaiseWins() {
        let decision = classifier.classify(hits: [rule(1, .technical, boost: 1), rule(2, .technical, boost: 2), rule(3, .technical, boost: -1)], requestedCategory: nil)
        #expect(decision.priority == .critical)
        #expect(decision.reasons.last == "priority +2 from rules")
    }

    @Test func withoutARaiseTheDeepestCutApplies() {
        let decision = classifier.classify(hits: [rule(1, .question, boost: -1), rule(2, .question, boost: 0)], requestedCategory: nil)
        #expect(decision.priority == .low)
    }

    @Test func priorityIsClamped() {
        #expect(classifier.classify(hits: [rule(1, .technical, boost: 3)], requestedCategory: nil).priority == .critical)
        #expect(classifier.classify(hits: [rule(1, .spam, boost: -3)], requestedCategory: nil).priority == .low)
        #expect(Priority.normal.moved(by: 1) == .high)
        #expect(Priority.low.moved(by: -2) == .low)
        #expect(Priority.high.moved(by: 5) == .critical)
    }

    @Test func decisionsRoundTripAsJSON() throws {
        let decision = classifier.classify(hits: [rule(1, .payment, weight: 0.75, boost: 1)], requestedCategory: .question)
        let data = try JSONEncoder().encode(decision)
        #expect(try JSONDecoder().decode(ClassificationDecision.self, from: data) == decision)
    }
}
