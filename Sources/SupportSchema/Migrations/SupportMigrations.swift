/// The platform's SQL migrations, in order. Applied by `support migrate` after the job queue's own.
///
/// Plain SQL, statements separated by `;` (dollar-quoted function bodies are fine: the migrator's
/// splitter keeps them whole). An entry never changes once released: a change is a new migration.
/// Conventions: lower-case names, `bigint GENERATED ALWAYS AS IDENTITY` keys, `timestamptz`,
/// and every enum column guarded by a named `CHECK (col IN (…))` that `SupportSchemaTests`
/// compares with its Swift enum.
public enum SupportMigrations {
    public static let all: [(id: String, sql: String)] = [
        ("support-0001-functions", functions),
        ("support-0002-people", people),
        ("support-0003-tickets", tickets),
        ("support-0004-deals", deals),
        ("support-0005-knowledge", knowledge),
        ("support-0006-notifications-rules", notificationsAndRules),
        ("support-0007-audit", audit),
        ("support-0008-routing", routing),
        ("support-0009-default-rules", defaultClassificationRules),
        ("support-0010-escalation", escalation),
        ("support-0011-auth", auth),
        ("support-0012-arbitration", arbitration),
        ("support-0013-password-links", passwordLinks),
        ("support-0014-appeals", appeals),
        ("support-0015-knowledge-bot", knowledgeBot),
        ("support-0016-reports", reports),
        ("support-0017-notification-lease", notificationLease),
        ("support-0018-report-rollup", reportRollup),
        ("support-0019-incident-window", incidentWindow),
        ("support-0020-desk-settings-version", deskSettingsVersion),
        ("support-0021-staff-load", staffLoad),
        ("support-0022-rollup-running-week", rollupRunningWeek),
        ("support-0023-repeat-contact-order", repeatContactOrder),
        ("support-0024-report-words-index", reportWordsIndex),
    ]
}
