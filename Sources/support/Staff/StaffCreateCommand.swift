import ArgumentParser
import Foundation
import JobQueue
import PostgresNIO
import SupportAPI
import SupportRuntime
import SupportSchema
import SupportStore

/// `support staff create --owner --name … --email …`: creates a staff account and audits it as the
/// platform (`actor_role = system`). A second owner needs `--force`: after bootstrap, owners
/// create staff through the API so the audit log names who did it.
struct StaffCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a staff account (e.g. the first owner).",
        discussion: """
            The password comes from --password-stdin (one line), else $SUPPORT_STAFF_PASSWORD, else a random \
            one is generated and printed once. 10 to 200 characters (bcrypt; long ones are pre-hashed).
            Example: support staff create --owner --name "Anna" --email anna@example.com --password-stdin
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions
    @Option(help: "Display name.") var name: String
    @Option(help: "Sign-in email (stored lower case).") var email: String
    @Flag(help: "Give the account the owner role.") var owner = false
    @Option(name: .customLong("role"), help: "A role to give (agent, moderator, arbiter, coder, owner); repeatable.")
    var roles: [String] = []
    @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
    @Flag(help: "Create an owner even though an active owner exists.") var force = false
    @Option(help: "bcrypt cost.") var bcryptCost: UInt8 = 12

    func validate() throws {
        guard owner || !roles.isEmpty else { throw ValidationError("--owner or at least one --role is required") }
        for role in roles where Role(rawValue: role)?.isStaff != true {
            throw ValidationError("--role: one of \(Role.staffRoles.map(\.rawValue).joined(separator: ", ")), got '\(role)'")
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name must not be empty") }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains(".") else { throw ValidationError("--email: not an email address") }
        guard (4...16).contains(bcryptCost) else { throw ValidationError("--bcrypt-cost: 4 to 16") }
    }

    func run() async throws {
        let logger = logging.makeLogger(label: "staff")
        var requested = roles.compactMap { Role(rawValue: $0) }
        if owner && !requested.contains(.owner) { requested.append(.owner) }
        let roleList = requested
        var generated = false
        let password: String
        if passwordStdin {
            password = readLine(strippingNewline: true) ?? ""
        } else if let env = ProcessInfo.processInfo.environment["SUPPORT_STAFF_PASSWORD"], !env.isEmpty {
            password = env
        } else {
            password = Self.randomPassword()
            generated = true
        }
        if let problem = PasswordHashing.problem(password) { throw ValidationError("the password must have \(problem)") }
        let account = NewStaffAccount(
            name: name.trimmingCharacters(in: .whitespaces), email: email.trimmingCharacters(in: .whitespaces).lowercased(),
            roles: roleList, passwordHash: PasswordHashing.hash(password, cost: bcryptCost))
        let settings = try database.settings()
        try await DatabaseProbe.check(settings, migrator: SchemaCatalog.migrator, logger: logger)
        let force = self.force
        let created: StaffAccount
        do {
            created = try await settings.withClient(logger: logger) { client in
                return try await client.transaction(logger: logger) { connection in
                    let staff = StaffStore(connection: connection, logger: logger)
                    if roleList.contains(.owner), !force, try await staff.activeOwnerCount() > 0 {
                        throw ValidationError("an active owner exists; owners create staff through POST /api/v1/staff (or pass --force)")
                    }
                    let created = try await staff.create(account)
                    try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                        actorStaffID: nil, actorRole: "system", action: "staff.create", targetType: "staff",
                        targetID: created.id.rawValue,
                        after: [
                            "id": .int(created.id.rawValue), "name": .string(created.name), "email": .string(created.email),
                            "roles": .array(created.roles.map { .string($0.rawValue) }), "active": .bool(created.active),
                        ],
                        reason: "support staff create (command line)"))
                    return created
                }
            }
        } catch let error as StaffStoreError {
            throw ValidationError(error.description)
        }
        print("created staff \(created.id) \(created.email) (\(created.roles.map(\.rawValue).joined(separator: ", ")))")
        if generated { print("password (shown once): \(password)") }
    }

    static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
