import ArgumentParser

/// `support audit …`: checks on the append-only audit log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the audit log.",
        subcommands: [AuditVerifyCommand.self]
    )
}
