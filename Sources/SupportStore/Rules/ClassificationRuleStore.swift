import Foundation
public import Logging
public import PostgresNIO
public import SupportSchema

/// The owners' classification rules (`classification_rule`). Routing reads them on every decision,
/// so an edit applies to the next ticket routed; the stemmed query is a generated column.
public struct ClassificationRuleStore: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    static let columns = "id, pattern, language, category, priority_boost, weight, channel, active, updated_at"

    private func rows(_ query: PostgresQuery) async throws -> [ClassificationRuleRow] {
        do {
            return try await connection.query(query, logger: logger).collect().map { row in
                let (id, pattern, language, category, boost, weight, channel, active, updated) = try row.decode(
                    (Int64, String, String, String, Int16, Float, String?, Bool, Date).self)
                return ClassificationRuleRow(
                    id: id, pattern: pattern, language: language, category: category, priorityBoost: Int(boost),
                    weight: Double(weight), channel: channel, active: active, updatedAt: updated)
            }
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            throw ClassificationRuleError.duplicate
        } catch let error as PSQLError where error.serverInfo?[.constraintName] == "classification_rule_pattern_searchable" {
            throw ClassificationRuleError.onlyStopWords
        }
    }

    /// Rules by id, optionally of one category; `after` pages by id.
    public func list(category: SupportSchema.Category? = nil, after: Int64 = 0, limit: Int = 100) async throws -> [ClassificationRuleRow] {
        try await rows(
            """
            SELECT \(unescaped: Self.columns) FROM classification_rule
            WHERE id > \(after) AND (\(category?.rawValue)::text IS NULL OR category = \(category?.rawValue))
            ORDER BY id LIMIT \(limit)
            """)
    }

    public func rule(_ id: Int64, forUpdate: Bool = false) async throws -> ClassificationRuleRow? {
        try await rows(
            "SELECT \(unescaped: Self.columns) FROM classification_rule WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")"
        ).first
    }

    public func create(
        pattern: String, language: ContentLocale, category: SupportSchema.Category, priorityBoost: Int, weight: Double,
        channel: SupportChannel?, by staff: StaffID?
    ) async throws -> ClassificationRuleRow {
        guard let created = try await rows(
            """
            INSERT INTO classification_rule (pattern, language, category, priority_boost, weight, channel, created_by_staff_id)
            VALUES (\(pattern), \(language.rawValue), \(category.rawValue), \(Int16(priorityBoost)), \(Float(weight)),
                    \(channel?.rawValue), \(staff?.rawValue))
            RETURNING \(unescaped: Self.columns)
            """
        ).first else { throw TicketStoreError.unexpectedValue("INSERT returned no rule") }
        return created
    }

    /// Nil when there is no such rule.
    public func update(_ id: Int64, _ change: ClassificationRuleChange) async throws -> ClassificationRuleRow? {
        let clearChannel = change.channel.map { $0 == nil } ?? false
        return try await rows(
            """
            UPDATE classification_rule SET
                pattern = coalesce(\(change.pattern), pattern),
                language = coalesce(\(change.language?.rawValue), language),
                category = coalesce(\(change.category?.rawValue), category),
                priority_boost = coalesce(\(change.priorityBoost.map { Int16($0) }), priority_boost),
                weight = coalesce(\(change.weight.map { Float($0) }), weight),
                channel = CASE WHEN \(clearChannel) THEN NULL ELSE coalesce(\(change.channel??.rawValue), channel) END,
                active = coalesce(\(change.active), active)
            WHERE id = \(id)
            RETURNING \(unescaped: Self.columns)
            """
        ).first
    }

    /// Deletes a rule; nil when there was none.
    public func delete(_ id: Int64) async throws -> ClassificationRuleRow? {
        try await rows("DELETE FROM classification_rule WHERE id = \(id) RETURNING \(unescaped: Self.columns)").first
    }
}
