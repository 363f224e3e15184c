import Foundation
@testable import Routing
import SupportDomain
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// The default rules against a labelled set of realistic requests (ru + en), matched by PostgreSQL.
/// Docs/ROUTING.md quotes the figures this prints.
struct LabelledSetTests {
    struct Item: Decodable {
        var text: String
        var channel: String
        var requested_category: String?
        var category: String
        var priority: String
    }

    static func items() throws -> [Item] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/labelled-requests.json")
        return try JSONDecoder().decode([Item].self, from: Data(contentsOf: url))
    }

    @Test func theSetIsLargeAndCoversEveryCategory() throws {
        let items = try Self.items()
        #expect(items.count >= 60)
        #expect(Set(items.map(\.category)) == Set(SupportSchema.Category.rawValues))
        #expect(items.filter { $0.text.range(of: "[а-яА-Я]", options: .regularExpression) != nil }.count >= 30)
        #expect(items.filter { $0.text.range(of: "[а-яА-Я]", options: .regularExpression) == nil }.count >= 20)
    }

    @Test func classifierAccuracy() async throws {
        let items = try Self.items()
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                var right = 0, rightPriority = 0
                var misses: [String] = []
                for item in items {
                    let hits = try await client.withConnection { connection in
                        try await RuleHits.load(text: item.text, channel: SupportChannel(rawValue: item.channel)!, on: connection, logger: db.logger)
                    }
                    let decision = TicketClassifier().classify(
                        hits: hits, requestedCategory: item.requested_category.flatMap(SupportSchema.Category.init(rawValue:)))
                    if decision.category.rawValue == item.category { right += 1 } else {
                        misses.append("\(item.category) → \(decision.category.rawValue): \(item.text.prefix(60))")
                    }
                    if decision.priority.rawValue == item.priority { rightPriority += 1 }
                }
                let accuracy = Double(right) / Double(items.count)
                let priorityAccuracy = Double(rightPriority) / Double(items.count)
                print("classifier: category \(right)/\(items.count) (\(Int((accuracy * 100).rounded()))%), priority \(rightPriority)/\(items.count) (\(Int((priorityAccuracy * 100).rounded()))%)")
                for miss in misses { print("  miss: \(miss)") }
                #expect(accuracy >= 0.9, "\(misses)")
                #expect(priorityAccuracy >= 0.85)
            }
        }
    }

    @Test func inflectedFormsHitTheSameRule() async throws {
        try await TestDatabase.with(migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                try await client.withConnection { connection in
                    let base = try await RuleHits.load(text: "бот не работает", channel: .telegram, on: connection, logger: db.logger)
                    let past = try await RuleHits.load(text: "Бот НЕ РАБОТАЛ весь вечер", channel: .telegram, on: connection, logger: db.logger)
                    #expect(!base.isEmpty)
                    #expect(Set(base.map(\.id)).isSubset(of: Set(past.map(\.id))))
                    let english = try await RuleHits.load(text: "The bot crashed again", channel: .email, on: connection, logger: db.logger)
                    #expect(english.contains { $0.category == .technical })
                }
            }
        }
    }
}
