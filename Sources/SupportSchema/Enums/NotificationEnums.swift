/// How a notification is delivered (`notification.channel`).
public enum NotificationChannel: String, SchemaEnum {
    /// Bot API `sendMessage`.
    case telegram
    /// SMTP, plain + HTML, ticket tag in the subject.
    case email
    /// Generic (Slack-compatible) JSON webhook.
    case webhook
    /// Shown in the staff console.
    case inApp = "in_app"
}

/// Delivery state of a notification (`notification.status`).
public enum NotificationStatus: String, SchemaEnum {
    /// Written, a `notify` job is queued.
    case pending
    case sent
    /// Last attempt failed; the job retries with backoff.
    case failed
    /// Given up after the last attempt; recorded for staff.
    case undeliverable
    /// Folded into a digest for staff in quiet hours.
    case digested
}
