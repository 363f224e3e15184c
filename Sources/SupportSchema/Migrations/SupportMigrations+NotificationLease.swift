extension SupportMigrations {
    /// A send lease on notifications: the delivery that takes it is the only one calling the provider
    /// until it records the outcome or the lease runs out (its process died mid-send). Telegram and SMTP
    /// have no idempotency key, so this is what keeps a job rescued from a live worker from sending twice.
    static let notificationLease = #"""
        ALTER TABLE notification ADD COLUMN sending_until timestamptz
        """#
}
