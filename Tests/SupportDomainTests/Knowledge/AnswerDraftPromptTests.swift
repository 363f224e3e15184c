import SupportDomain
import Testing

struct AnswerDraftPromptTests {
    let sources = [
        AnswerDraftPrompt.Source(title: "Payouts", body: "Three working days.", link: "https://help.example.com/kb/en/payouts"),
        AnswerDraftPrompt.Source(title: "Disputes", body: "Open one from the deal."),
    ]

    @Test func theSystemMessageNamesTheAudienceAndLanguage() {
        let requester = AnswerDraftPrompt(audience: .requester, locale: "en").messages(question: "When?", sources: sources)
        #expect(requester.map(\.role) == ["system", "user"])
        #expect(requester[0].content.contains("answer a user") && requester[0].content.contains("in English"))
        #expect(requester[0].content.contains("Use only the knowledge-base articles"))
        let agent = AnswerDraftPrompt(audience: .agent, locale: "ru").messages(question: "Когда?", sources: sources)
        #expect(agent[0].content.contains("support agent will read") && agent[0].content.contains("in Russian"))
        #expect(AnswerDraftPrompt(audience: .agent, locale: "de").messages(question: "?", sources: [])[0].content.contains("in Russian"))
    }

    @Test func theUserMessageNumbersTheArticlesWithLinksThenTheQuestion() {
        let user = AnswerDraftPrompt(audience: .requester, locale: "en").messages(question: "When is my payout?", sources: sources)[1].content
        #expect(user == """
            Knowledge-base articles:
            [1] Payouts
            Three working days.
            https://help.example.com/kb/en/payouts

            [2] Disputes
            Open one from the deal.

            Question:
            When is my payout?
            """)
        #expect(AnswerDraftPrompt(audience: .agent, locale: "en").messages(question: "x", sources: [])[1].content.contains("(none)"))
    }

    @Test func longTextIsCutAtAWord() {
        let prompt = AnswerDraftPrompt(audience: .agent, locale: "en", sourceLimit: 12, questionLimit: 9)
        let user = prompt.messages(question: "alpha beta gamma", sources: [.init(title: "T", body: "one two three four")])[1].content
        #expect(user.contains("[1] T\none two…\n") && user.hasSuffix("alpha…"))
    }

    @Test func aReplyIsTrimmedAndBounded() {
        #expect(AnswerDraftPrompt.accept("  Hello.\n") == "Hello.")
        #expect(AnswerDraftPrompt.accept(" \n\t ") == nil)
        #expect(AnswerDraftPrompt.accept("a\u{0}b") == "ab")
        let long = String(repeating: "word ", count: 1000)
        let cut = AnswerDraftPrompt.accept(long) ?? ""
        #expect(cut.count <= AnswerDraftPrompt.replyLimit && cut.hasSuffix("word…"))
    }
}
