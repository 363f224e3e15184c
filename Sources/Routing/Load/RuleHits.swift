import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// The active classification rules a text hits, matched by PostgreSQL's text search in each rule's language.
enum RuleHits {
    static func load(text: String, channel: SupportChannel, on connection: PostgresConnection, logger: Logger)
        async throws -> [ClassificationRule]
    {
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(text)
        bindings.append(channel.rawValue)
        return try await connection.rows(of: HitsSQL.self, bindings, logger: logger).map { row in
            let (id, pattern, category, boost, weight) = try row.decode((Int64, String, String, Int16, Float).self)
            return try rule(id: id, pattern: pattern, category: category, boost: boost, weight: weight)
        }
    }

    static func rule(id: Int64, pattern: String, category: String, boost: Int16, weight: Float) throws -> ClassificationRule {
        guard let category = SupportSchema.Category(rawValue: category) else {
            throw RoutingError.unexpectedValue("classification_rule \(id): category \(category)")
        }
        return ClassificationRule(
            id: ClassificationRuleID(id), pattern: pattern, category: category, priorityBoost: Int(boost),
            weight: Double(weight))
    }

    /// The rules `r` that `doc` (its `ru` and `en` vectors) hits, for a channel given as `channel` (a parameter).
    static func matching(channel: String) -> String {
        """
        FROM classification_rule r, doc
        WHERE r.active AND (r.channel IS NULL OR r.channel = \(channel))
          AND CASE r.language WHEN 'ru' THEN doc.ru @@ r.query ELSE doc.en @@ r.query END
        """
    }

    private enum HitsSQL: RepeatedStatement {
        static let sql = """
            WITH doc AS MATERIALIZED (SELECT to_tsvector('russian', $1) AS ru, to_tsvector('english', $1) AS en)
            SELECT r.id, r.pattern, r.category, r.priority_boost, r.weight
            \(matching(channel: "$2"))
            ORDER BY r.id
            """
        static let parameterTypes: [PostgresDataType] = [.text, .text]
    }
}
