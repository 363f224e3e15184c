import ArgumentParser

/// `support staff …`: staff accounts from the command line (the first owner; recovery).
struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Manage staff accounts from the command line.",
        discussion: "Bootstrap the first owner here; owners create everyone else through POST /api/v1/staff.",
        subcommands: [StaffCreateCommand.self]
    )
}
