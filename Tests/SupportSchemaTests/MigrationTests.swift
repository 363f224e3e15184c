import Foundation
import SupportSchema
import Testing

/// Static checks of the SQL. The migrations run for real against PostgreSQL in SupportStoreTests.
struct MigrationTests {
    static let sql = SupportMigrations.all.map(\.sql).joined(separator: ";\n")

    /// The quoted values of the named constraint's first `IN (…)` or `ARRAY[…]` list.
    static func checkValues(_ constraint: String) -> [String]? {
        var search = sql.startIndex..<sql.endIndex
        var found: Range<String.Index>?
        while let candidate = sql.range(of: "CONSTRAINT \(constraint)", range: search) {
            if candidate.upperBound < sql.endIndex, sql[candidate.upperBound].isWhitespace {
                found = candidate
                break
            }
            search = candidate.upperBound..<sql.endIndex
        }
        guard let start = found else { return nil }
        let rest = sql[start.upperBound...]
        let inList = rest.range(of: "IN (")
        let arrayList = rest.range(of: "ARRAY[")
        let open: Range<String.Index>
        let close: Character
        switch (inList, arrayList) {
        case (let i?, let a?): (open, close) = i.lowerBound < a.lowerBound ? (i, ")") : (a, "]")
        case (let i?, nil): (open, close) = (i, ")")
        case (nil, let a?): (open, close) = (a, "]")
        case (nil, nil): return nil
        }
        guard let end = rest[open.upperBound...].firstIndex(of: close) else { return nil }
        return rest[open.upperBound..<end].split(separator: ",").map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: " \n'"))
        }
    }

    @Test func idsAreUniqueOrderedAndPrefixed() {
        let ids = SupportMigrations.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids == ids.sorted())
        for (index, id) in ids.enumerated() {
            let number = String(index + 1)
            #expect(id.hasPrefix("support-" + String(repeating: "0", count: 4 - number.count) + number + "-"), "\(id)")
        }
    }

    @Test(arguments: [
        ("requester_identity_channel_check", Channel.rawValues),
        ("ticket_channel_check", Channel.rawValues),
        ("inbound_item_channel_check", Channel.rawValues),
        ("message_channel_check", Channel.rawValues),
        ("classification_rule_channel_check", Channel.rawValues),
        ("sla_policy_channel_check", Channel.rawValues),
        ("ticket_category_check", Category.rawValues),
        ("ticket_requested_category_check", Category.rawValues),
        ("team_categories_check", Category.rawValues),
        ("kb_article_category_check", Category.rawValues),
        ("macro_set_category_check", Category.rawValues),
        ("classification_rule_category_check", Category.rawValues),
        ("ticket_priority_check", Priority.rawValues),
        ("sla_policy_priority_check", Priority.rawValues),
        ("ticket_status_check", TicketStatus.rawValues),
        ("ticket_line_check", Line.rawValues),
        ("team_line_check", Line.rawValues),
        ("ticket_line_override_check", Line.rawValues),
        ("staff_roles_check", Role.staffRoles.map(\.rawValue)),
        ("audit_log_actor_role_check", Role.rawValues + ["system"]),
        ("dispute_state_check", DisputeState.rawValues),
        ("ticket_event_actor_kind_check", AuthorKind.rawValues),
        ("message_author_kind_check", AuthorKind.rawValues),
        ("requester_locale_check", ContentLocale.rawValues),
        ("staff_locale_check", ContentLocale.rawValues),
        ("kb_article_locale_check", ContentLocale.rawValues),
        ("classification_rule_language_check", ContentLocale.rawValues),
        ("inbound_item_status_check", InboundStatus.rawValues),
        ("punishment_kind_check", PunishmentKind.rawValues),
        ("punishment_appeal_decision_outcome_check", AppealOutcome.rawValues),
        ("kb_article_visibility_check", ArticleVisibility.rawValues),
        ("kb_article_status_check", ArticleStatus.rawValues),
        ("notification_channel_check", NotificationChannel.rawValues),
        ("notification_status_check", NotificationStatus.rawValues),
        ("deal_status_check", DealStatus.rawValues),
        ("deal_deposit_status_check", DepositStatus.rawValues),
        ("dispute_evidence_party_check", EvidenceParty.rawValues),
        ("auth_token_kind_check", AuthTokenKind.rawValues),
        ("login_attempt_account_check", AccountKind.rawValues),
        ("csat_setting_on_low_check", CSATLowAction.rawValues),
        // SupportDomain's ReportDimension (this target does not import it).
        ("report_rollup_tally_dimension_check", ["total", "team", "line", "channel", "category", "agent"]),
    ])
    func checkConstraintsMirrorTheEnums(constraint: String, values: [String]) {
        #expect(Self.checkValues(constraint) == values, "\(constraint)")
    }

    @Test func liveDisputeIndexListsExactlyTheTerminalStates() throws {
        let range = try #require(Self.sql.range(of: "CREATE UNIQUE INDEX dispute_live_per_deal"))
        let tail = Self.sql[range.upperBound...]
        let clause = tail[..<(tail.firstIndex(of: ";") ?? tail.endIndex)]
        for state in DisputeState.allCases {
            #expect(clause.contains("'\(state.rawValue)'") == state.isTerminal, "\(state)")
        }
    }

    @Test(arguments: [
        "requester", "requester_identity", "staff", "team", "team_member", "staff_shift", "business_calendar",
        "business_calendar_hours", "calendar_holiday", "punishment", "ticket", "ticket_event", "inbound_item",
        "message", "deal", "dispute", "dispute_evidence", "kb_article", "notification", "classification_rule",
        "sla_policy", "audit_log", "auth_token", "login_attempt",
    ])
    func createsTheCoreTable(table: String) {
        #expect(Self.sql.contains("CREATE TABLE \(table) ("))
    }

    @Test func createsNoExtensionsAndStaysLowerCase() throws {
        #expect(!Self.sql.localizedCaseInsensitiveContains("CREATE EXTENSION"))
        let names = try Regex(#"CREATE (?:TABLE|INDEX|UNIQUE INDEX|TRIGGER|FUNCTION|SEQUENCE) (\w+)"#)
        var count = 0
        for match in Self.sql.matches(of: names) {
            let name = String(match.output[1].substring ?? "")
            #expect(name == name.lowercased(), "\(name)")
            count += 1
        }
        #expect(count > 50)
    }

    @Test func appendOnlyTablesAreGuarded() {
        #expect(Self.sql.contains("CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log"))
        #expect(Self.sql.contains("CREATE TRIGGER ticket_event_append_only BEFORE UPDATE ON ticket_event"))
        #expect(Self.sql.contains("CREATE TRIGGER dispute_evidence_no_delete BEFORE DELETE ON dispute_evidence"))
    }
}
