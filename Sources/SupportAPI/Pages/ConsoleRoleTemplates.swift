/// The console's role views: moderator, arbiter, coder, owner and ops pages.
enum ConsoleRoleTemplates {
    static let all: [String: String] = OwnerTemplates.all.merging(OpsTemplates.all) { $1 }
}
