public import SupportSchema

/// A keyword/phrase rule owners edit (`classification_rule`). PostgreSQL's snowball stemmers decide
/// whether it hits a text (`to_tsvector @@ phraseto_tsquery`), so inflections do not matter; this type
/// is what ``TicketClassifier`` weighs once the hits are known.
public struct ClassificationRule: Hashable, Sendable, Codable {
    public var id: ClassificationRuleID
    public var pattern: String
    public var category: Category
    /// Steps of priority a hit adds (negative lowers), -3...3.
    public var priorityBoost: Int
    public var weight: Double

    public init(id: ClassificationRuleID, pattern: String, category: Category, priorityBoost: Int = 0, weight: Double = 1) {
        self.id = id
        self.pattern = pattern
        self.category = category
        self.priorityBoost = priorityBoost
        self.weight = weight
    }
}
