import Foundation
import SupportSchema
import SupportStore

/// `POST /api/v1/rules` and `PATCH /api/v1/rules/{id}` bodies; every field checked with a 400 that names it.
struct RuleRequest: Decodable {
    var pattern: String?
    var language: String?
    var category: String?
    var priorityBoost: Int?
    var weight: Double?
    /// Absent: unchanged; null: any channel.
    var channel: String??
    var active: Bool?

    enum CodingKeys: String, CodingKey {
        case pattern, language, category, weight, channel, active
        case priorityBoost = "priority_boost"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pattern = try container.decodeIfPresent(String.self, forKey: .pattern)
        language = try container.decodeIfPresent(String.self, forKey: .language)
        category = try container.decodeIfPresent(String.self, forKey: .category)
        priorityBoost = try container.decodeIfPresent(Int.self, forKey: .priorityBoost)
        weight = try container.decodeIfPresent(Double.self, forKey: .weight)
        active = try container.decodeIfPresent(Bool.self, forKey: .active)
        if container.contains(.channel) {
            channel = .some(try container.decodeNil(forKey: .channel) ? nil : try container.decode(String.self, forKey: .channel))
        }
    }

    static let wordScalars = CharacterSet(charactersIn: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzЁё")
        .union(CharacterSet(charactersIn: Unicode.Scalar(0x0410)!...Unicode.Scalar(0x044F)!))

    static func invalid(_ message: String) -> APIError { APIError(.badRequest, code: "invalid_field", message: message) }

    /// The change, validated; `creating` requires pattern, language and category.
    func change(creating: Bool) throws(APIError) -> ClassificationRuleChange {
        var change = ClassificationRuleChange(priorityBoost: priorityBoost, weight: weight, active: active)
        if let pattern {
            let trimmed = pattern.trimmingCharacters(in: .whitespacesAndNewlines)
            // The same test as the document's `pattern`: some Latin or Cyrillic letter or digit.
            guard pattern.unicodeScalars.contains(where: { Self.wordScalars.contains($0) }), pattern.unicodeScalars.count <= 200 else {
                throw Self.invalid("pattern: 1 to 200 characters with a letter or digit")
            }
            change.pattern = trimmed
        } else if creating { throw APIError(.badRequest, code: "missing_field", message: "pattern: required") }
        if let language {
            guard let value = ContentLocale(rawValue: language) else { throw Self.invalid("language: ru or en") }
            change.language = value
        } else if creating { throw APIError(.badRequest, code: "missing_field", message: "language: required") }
        if let category {
            guard let value = SupportSchema.Category(rawValue: category) else {
                throw Self.invalid("category: one of \(SupportSchema.Category.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            change.category = value
        } else if creating { throw APIError(.badRequest, code: "missing_field", message: "category: required") }
        if let priorityBoost, !(-3...3).contains(priorityBoost) { throw Self.invalid("priority_boost: -3 to 3") }
        if let weight, !(weight >= 0.01 && weight <= 10) { throw Self.invalid("weight: 0.01 to 10") }
        if let channel {
            if let channel {
                guard let value = SupportChannel(rawValue: channel) else { throw Self.invalid("channel: a channel or null") }
                change.channel = .some(value)
            } else {
                change.channel = .some(nil)
            }
        }
        return change
    }
}

/// A page of rules.
struct RulePage: Encodable {
    var items: [ClassificationRuleRow]
    var nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }
}
