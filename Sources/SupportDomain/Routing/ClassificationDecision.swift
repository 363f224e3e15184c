public import SupportSchema

/// What ``TicketClassifier`` decided and why; stored in `ticket.classification` and shown to staff.
public struct ClassificationDecision: Hashable, Sendable, Codable {
    public var category: Category
    public var priority: Priority
    /// Score per category that scored at all, highest first.
    public var scores: [CategoryScore]
    /// The rules that hit, in the order they were given.
    public var hits: [ClassificationRule]
    /// The requester's own choice, when it counted.
    public var requestedCategory: Category?
    /// One line per reason, e.g. `rule #12 "не работает" → technical +1.0`.
    public var reasons: [String]

    public struct CategoryScore: Hashable, Sendable, Codable {
        public var category: Category
        public var score: Double

        public init(category: Category, score: Double) {
            self.category = category
            self.score = score
        }
    }

    public init(
        category: Category, priority: Priority, scores: [CategoryScore] = [], hits: [ClassificationRule] = [],
        requestedCategory: Category? = nil, reasons: [String] = []
    ) {
        self.category = category
        self.priority = priority
        self.scores = scores
        self.hits = hits
        self.requestedCategory = requestedCategory
        self.reasons = reasons
    }

    /// The score of `category` (0 when nothing pointed at it).
    public func score(of category: Category) -> Double {
        scores.first { $0.category == category }?.score ?? 0
    }
}
