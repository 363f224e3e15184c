public import Foundation
public import SupportSchema

/// A `classification_rule` row as owners see and edit it.
public struct ClassificationRuleRow: Sendable, Hashable, Codable {
    public var id: Int64
    public var pattern: String
    public var language: String
    public var category: String
    public var priorityBoost: Int
    public var weight: Double
    public var channel: String?
    public var active: Bool
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, pattern, language, category, weight, channel, active
        case priorityBoost = "priority_boost"
        case updatedAt = "updated_at"
    }

    /// The audited fields.
    public var auditFields: [String: StoredJSON] {
        [
            "pattern": .string(pattern), "language": .string(language), "category": .string(category),
            "priority_boost": .int(Int64(priorityBoost)), "weight": .string(String(weight)),
            "channel": channel.map { .string($0) } ?? .null, "active": .bool(active),
        ]
    }
}

/// What an owner sets on a rule; nil fields keep their value on update.
public struct ClassificationRuleChange: Sendable, Hashable {
    public var pattern: String?
    public var language: ContentLocale?
    public var category: SupportSchema.Category?
    public var priorityBoost: Int?
    public var weight: Double?
    /// `.some(nil)` clears the channel.
    public var channel: SupportChannel??
    public var active: Bool?

    public init(
        pattern: String? = nil, language: ContentLocale? = nil, category: SupportSchema.Category? = nil, priorityBoost: Int? = nil,
        weight: Double? = nil, channel: SupportChannel?? = nil, active: Bool? = nil
    ) {
        self.pattern = pattern
        self.language = language
        self.category = category
        self.priorityBoost = priorityBoost
        self.weight = weight
        self.channel = channel
        self.active = active
    }
}

/// Why a rule edit is refused; the API answers 400 or 409 with the message.
public enum ClassificationRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    case duplicate
    case onlyStopWords

    public var description: String {
        switch self {
        case .duplicate: "a rule with this pattern, language and category exists"
        case .onlyStopWords: "pattern: only stop words, it would match nothing"
        }
    }
}
