/// Decides whether the FAQ bot answers a new request with a knowledge-base article.
///
/// Pure: it reads only the best search match's figures (see `KnowledgeStore.search` with
/// `anyWord` matching), so the threshold can be tuned and tested without a database.
/// The confidence is the share of the message's meaningful words (stemmed, stop words dropped)
/// that the article holds; the rank (title words weigh more) must clear a floor as well.
///
/// ```swift
/// let rule = FAQBotRule(minimumConfidence: 0.6)
/// if case .answer = rule.decide(FAQMatch(rank: 0.4, matchedTerms: 3, queryTerms: 4)) { … }
/// ```
public struct FAQBotRule: Sendable, Hashable {
    /// Share of the message's words the article must hold, 0…1.
    public var minimumConfidence: Double
    /// Floor on the normalised `ts_rank_cd` (0…1).
    public var minimumRank: Double
    /// Fewer meaningful words than this is too little to go on ("hi", "help").
    public var minimumTerms: Int
    /// A longer message describes a case of its own: a person reads it.
    public var maximumTerms: Int

    public init(minimumConfidence: Double = 0.6, minimumRank: Double = 0.1, minimumTerms: Int = 2, maximumTerms: Int = 30) {
        self.minimumConfidence = minimumConfidence
        self.minimumRank = minimumRank
        self.minimumTerms = minimumTerms
        self.maximumTerms = maximumTerms
    }

    /// The rule as shipped.
    public static let standard = FAQBotRule()

    public func decide(_ match: FAQMatch?) -> FAQBotDecision {
        guard let match else { return .handOver(.noMatch) }
        if match.queryTerms < minimumTerms { return .handOver(.tooShort) }
        if match.queryTerms > maximumTerms { return .handOver(.tooLong) }
        if match.confidence < minimumConfidence || match.rank < minimumRank { return .handOver(.lowConfidence) }
        return .answer(confidence: match.confidence)
    }
}

/// The figures of a message's best knowledge-base match.
public struct FAQMatch: Sendable, Hashable {
    /// Normalised `ts_rank_cd`, 0…1.
    public var rank: Double
    /// Distinct message lexemes the article holds.
    public var matchedTerms: Int
    /// Distinct message lexemes after stop words.
    public var queryTerms: Int

    public init(rank: Double, matchedTerms: Int, queryTerms: Int) {
        self.rank = rank
        self.matchedTerms = matchedTerms
        self.queryTerms = queryTerms
    }

    /// `matchedTerms / queryTerms`, 0 for an empty message.
    public var confidence: Double {
        queryTerms == 0 ? 0 : Double(min(matchedTerms, queryTerms)) / Double(queryTerms)
    }
}

/// What the FAQ bot does with a new request.
public enum FAQBotDecision: Sendable, Hashable {
    case answer(confidence: Double)
    case handOver(FAQHandOverReason)

    public var answers: Bool {
        if case .answer = self { return true }
        return false
    }
}

/// Why the bot leaves a request to people.
public enum FAQHandOverReason: String, Sendable, Hashable {
    case noMatch = "no_match"
    case tooShort = "too_short"
    case tooLong = "too_long"
    case lowConfidence = "low_confidence"
}
