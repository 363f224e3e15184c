import Foundation
import PostgresNIO
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// The knowledge base on real PostgreSQL: editing, visibility and ranked search in both languages.
struct KnowledgeStoreTests {
    /// A small KB in both languages: published, staff-only, draft and archived articles.
    static let fixture: [KBArticleDraft] = [
        KBArticleDraft(slug: "payout-timing", locale: .ru, title: "Выплата вознаграждения продавцу",
                       body: "Деньги по сделке приходят продавцу в течение трёх рабочих дней после подтверждения покупателем.",
                       section: "payments", category: .payment, status: .published),
        KBArticleDraft(slug: "deposit", locale: .ru, title: "Как внести депозит",
                       body: "Депозит вносится через гаранта. После поступления выплаты по сделке депозит возвращается.",
                       section: "payments", category: .payment, status: .published),
        KBArticleDraft(slug: "ban-appeal", locale: .ru, title: "Обжалование блокировки",
                       body: "Чтобы обжаловать бан, напишите в поддержку и укажите ник.", section: "rules",
                       category: .moderationAppeal, status: .published),
        KBArticleDraft(slug: "refund-policy", locale: .en, title: "Refund policy",
                       body: "Refunds are issued to the original payment method within five business days.",
                       section: "payments", category: .payment, status: .published),
        KBArticleDraft(slug: "account-security", locale: .en, title: "Keeping your account secure",
                       body: "Never share your password. A refund request never needs your password.", section: "account",
                       status: .published),
        KBArticleDraft(slug: "disputed-payouts", locale: .ru, title: "Решение: спорные выплаты при отмене сделки",
                       body: "Арбитр возвращает выплату покупателю, если продавец не подтвердил передачу.", section: "decisions",
                       category: .dispute, visibility: .staff, status: .published),
        KBArticleDraft(slug: "payout-limits", locale: .ru, title: "Лимиты выплат", body: "Черновик.", section: "payments"),
        KBArticleDraft(slug: "old-payouts", locale: .ru, title: "Старые правила выплат", body: "Устарело.", section: "payments",
                       status: .archived),
    ]

    func withKB(_ label: String = #function, _ body: @Sendable (KnowledgeStore, [KBArticle]) async throws -> Void) async throws {
        try await TestDatabase.with(label: label, migrations: SchemaCatalog.migrations) { db in
            try await db.settings.withClient(logger: db.logger) { client in
                try await client.withConnection { connection in
                    let kb = KnowledgeStore(connection: connection, logger: db.logger)
                    var created: [KBArticle] = []
                    for draft in Self.fixture { created.append(try await kb.create(draft, by: nil)) }
                    try await body(kb, created)
                }
            }
        }
    }

    @Test func russianInflectionsFindTheArticle() async throws {
        try await withKB { kb, _ in
            for query in ["выплаты", "выплатой", "выплату продавцу", "Выплат"] {
                let hits = try await kb.search(query, locale: .ru, reader: .requester)
                #expect(hits.first?.slug == "payout-timing", "\(query): \(hits.map(\.slug))")
            }
            let both = try await kb.search("выплаты", locale: .ru, reader: .requester)
            #expect(both.map(\.slug) == ["payout-timing", "deposit"], "the title match ranks above the body match")
            #expect(both[0].rank > both[1].rank && both[0].rank < 1 && both[1].rank > 0)
            let snippet = try #require(both.first?.snippet)
            #expect(!snippet.isEmpty)
            let deposit = both[1].snippet
            #expect(deposit.contains("<mark>выплаты</mark>"), "\(deposit)")
        }
    }

    @Test func englishStemsAndRanksByTitle() async throws {
        try await withKB { kb, _ in
            let hits = try await kb.search("refunds", locale: .en, reader: .requester)
            #expect(hits.map(\.slug) == ["refund-policy", "account-security"])
            #expect(hits[0].snippet.contains("<mark>Refunds</mark>"))
            #expect(try await kb.search("refunded", reader: .requester).first?.slug == "refund-policy")
            #expect(try await kb.search("\"business days\"", locale: .en, reader: .requester).map(\.slug) == ["refund-policy"])
            #expect(try await kb.search("refund -password", locale: .en, reader: .requester).map(\.slug) == ["refund-policy"])
            #expect(try await kb.search("refund", locale: .ru, reader: .requester).isEmpty)
        }
    }

    @Test func readersSeeWhatTheyMay() async throws {
        try await withKB { kb, articles in
            let requester = try await kb.search("выплаты", reader: .requester).map(\.slug)
            let staff = try await kb.search("выплаты", reader: .staff).map(\.slug)
            let editor = try await kb.search("выплаты", reader: .editor).map(\.slug)
            #expect(Set(requester) == ["payout-timing", "deposit"])
            #expect(Set(staff) == ["payout-timing", "deposit", "disputed-payouts"])
            #expect(Set(editor) == ["payout-timing", "deposit", "disputed-payouts", "payout-limits", "old-payouts"])
            let staffOnly = try #require(articles.first { $0.slug == "disputed-payouts" })
            #expect(try await kb.article(staffOnly.id, reader: .requester) == nil)
            #expect(try await kb.article(staffOnly.id, reader: .staff)?.visibility == .staff)
            let draft = try #require(articles.first { $0.slug == "payout-limits" })
            #expect(try await kb.article(draft.id, reader: .staff) == nil)
            #expect(try await kb.article(draft.id, reader: .editor)?.status == .draft)
        }
    }

    @Test func publishingAndArchiving() async throws {
        try await withKB { kb, articles in
            let draft = try #require(articles.first { $0.slug == "payout-limits" })
            #expect(draft.publishedAt == nil && draft.status == .draft)
            #expect(try await kb.search("лимиты", reader: .requester).isEmpty)
            let published = try #require(try await kb.update(draft.id, KBArticleChange(body: "Не больше 100 000 в сутки.", status: .published)))
            #expect(published.publishedAt != nil && published.body == "Не больше 100 000 в сутки." && published.title == "Лимиты выплат")
            #expect(try await kb.search("лимиты", reader: .requester).map(\.slug) == ["payout-limits"])
            let archived = try #require(try await kb.update(draft.id, KBArticleChange(status: .archived)))
            #expect(archived.publishedAt == published.publishedAt)
            #expect(try await kb.search("лимиты", reader: .requester).isEmpty)
            let recategorised = try #require(try await kb.update(draft.id, KBArticleChange(category: .some(nil), visibility: .staff)))
            #expect(recategorised.category == nil && recategorised.visibility == .staff)
            #expect(try await kb.update(ArticleID(rawValue: 999_999), KBArticleChange(title: "x")) == nil)
            await #expect(throws: KBArticleError.slugTaken) {
                _ = try await kb.create(KBArticleDraft(slug: "deposit", locale: .ru, title: "Ещё", body: ""), by: nil)
            }
            let english = try await kb.create(KBArticleDraft(slug: "deposit", locale: .en, title: "Deposits", body: ""), by: nil)
            #expect(english.locale == .en, "translations share the slug")
        }
    }

    @Test func freeTextMatchesAnyWordWithCoverage() async throws {
        try await withKB { kb, _ in
            let hits = try await kb.search("Когда придёт выплата продавцу по сделке?", locale: .ru, reader: .requester, matching: .anyWord)
            let best = try #require(hits.first)
            #expect(best.slug == "payout-timing", "\(hits.map(\.slug))")
            #expect(best.queryTerms == 4 && best.matchedTerms == 3, "\(best.matchedTerms)/\(best.queryTerms)")
            #expect(try await kb.search("и или но", reader: .requester, matching: .anyWord).isEmpty, "stop words only")
            #expect(try await kb.search("", reader: .requester).isEmpty)
            #expect(try await kb.search("выплаты", reader: .requester, category: .moderationAppeal).isEmpty)
        }
    }
}
