public import SupportSchema

/// Category and priority of a ticket from the rules its text hits and the requester's explicit choice.
///
/// Each hit adds its weight to its category; a choice in the bot menu or portal form adds
/// ``requestedCategoryWeight``. The highest score wins, ties going to the more serious category
/// (``precedence``). Without any evidence the ticket is a question. Priority starts from the
/// category's base and moves by the largest boost among the hits (the most negative one when no hit
/// raises it); several reports of one problem raise it further in ``IncidentDetector``.
public struct TicketClassifier: Sendable {
    /// The weight of the requester's own choice: more than one keyword, less than several agreeing ones.
    public var requestedCategoryWeight: Double

    /// Tie-break order, most serious first: a text that is both a complaint and a question is a complaint.
    public static let precedence: [Category] = [
        .complaint, .dispute, .moderationAppeal, .technical, .payment, .question, .suggestion, .spam,
    ]

    public init(requestedCategoryWeight: Double = 2.5) {
        self.requestedCategoryWeight = requestedCategoryWeight
    }

    public func classify(hits: [ClassificationRule], requestedCategory: Category?) -> ClassificationDecision {
        var totals: [Category: Double] = [:]
        var reasons: [String] = []
        var seen = Set<ClassificationRuleID>()
        let distinct = hits.filter { seen.insert($0.id).inserted }
        for rule in distinct {
            totals[rule.category, default: 0] += rule.weight
            reasons.append("rule #\(rule.id) \"\(rule.pattern)\" → \(rule.category.rawValue) +\(Self.format(rule.weight))")
        }
        if let requestedCategory {
            totals[requestedCategory, default: 0] += requestedCategoryWeight
            reasons.append("requester chose \(requestedCategory.rawValue) +\(Self.format(requestedCategoryWeight))")
        }
        let scores = Self.precedence.compactMap { category in
            totals[category].map { ClassificationDecision.CategoryScore(category: category, score: $0) }
        }.sorted { $0.score > $1.score }  // stable: equal scores keep precedence order
        let category = scores.first?.category ?? .question
        if scores.isEmpty { reasons.append("no rule hit: question by default") }

        let boost = Self.boost(of: distinct)
        let priority = Self.basePriority(of: category).moved(by: boost)
        if boost != 0 { reasons.append("priority \(boost > 0 ? "+" : "")\(boost) from rules") }
        return ClassificationDecision(
            category: category, priority: priority, scores: scores, hits: distinct,
            requestedCategory: requestedCategory, reasons: reasons)
    }

    /// Suggestions and spam wait; everything else starts at normal.
    public static func basePriority(of category: Category) -> Priority {
        switch category {
        case .suggestion, .spam: .low
        case .question, .technical, .payment, .dispute, .moderationAppeal, .complaint: .normal
        }
    }

    /// The largest raise among the hits, else the deepest cut, else 0.
    static func boost(of hits: [ClassificationRule]) -> Int {
        let boosts = hits.map(\.priorityBoost)
        if let up = boosts.max(), up > 0 { return up }
        return min(0, boosts.min() ?? 0)
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)).0" : "\((value * 100).rounded() / 100)"
    }
}

extension Priority {
    /// `steps` ranks up (negative: down), clamped to low...critical.
    public func moved(by steps: Int) -> Priority {
        let rank = Swift.min(3, Swift.max(0, self.rank + steps))
        return Priority.allCases.first { $0.rank == rank }!
    }
}
