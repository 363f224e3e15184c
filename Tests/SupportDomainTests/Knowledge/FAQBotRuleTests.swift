import SupportDomain
import Testing

/// The FAQ bot answers only a confident match of a message of reasonable length.
struct FAQBotRuleTests {
    let rule = FAQBotRule(minimumConfidence: 0.6, minimumRank: 0.1, minimumTerms: 2, maximumTerms: 30)

    @Test func noMatchHandsOver() {
        #expect(rule.decide(nil) == .handOver(.noMatch))
    }

    @Test(arguments: [
        (FAQMatch(rank: 0.5, matchedTerms: 3, queryTerms: 4), FAQBotDecision.answer(confidence: 0.75)),
        (FAQMatch(rank: 0.5, matchedTerms: 3, queryTerms: 5), .answer(confidence: 0.6)),
        (FAQMatch(rank: 0.5, matchedTerms: 2, queryTerms: 4), .handOver(.lowConfidence)),
        (FAQMatch(rank: 0.09, matchedTerms: 4, queryTerms: 4), .handOver(.lowConfidence)),
        (FAQMatch(rank: 0.1, matchedTerms: 2, queryTerms: 2), .answer(confidence: 1)),
        (FAQMatch(rank: 0.9, matchedTerms: 1, queryTerms: 1), .handOver(.tooShort)),
        (FAQMatch(rank: 0.9, matchedTerms: 31, queryTerms: 31), .handOver(.tooLong)),
        (FAQMatch(rank: 0.9, matchedTerms: 0, queryTerms: 0), .handOver(.tooShort)),
    ])
    func decides(match: FAQMatch, expected: FAQBotDecision) {
        #expect(rule.decide(match) == expected)
    }

    @Test func confidenceIsTheShareOfWordsMatched() {
        #expect(FAQMatch(rank: 0, matchedTerms: 0, queryTerms: 0).confidence == 0)
        #expect(FAQMatch(rank: 0, matchedTerms: 5, queryTerms: 4).confidence == 1)
        #expect(FAQBotDecision.answer(confidence: 1).answers && !FAQBotDecision.handOver(.noMatch).answers)
    }

    @Test func theThresholdIsConfigurable() {
        let strict = FAQBotRule(minimumConfidence: 0.9)
        let match = FAQMatch(rank: 0.5, matchedTerms: 3, queryTerms: 4)
        #expect(strict.decide(match) == .handOver(.lowConfidence))
        #expect(FAQBotRule.standard.decide(match).answers)
    }
}
