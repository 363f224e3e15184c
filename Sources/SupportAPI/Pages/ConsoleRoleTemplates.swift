/// The console's role views: moderator, arbiter, coder, owner and ops pages.
enum ConsoleRoleTemplates {
    static let all: [String: String] = OwnerTemplates.all.merging(OpsTemplates.all) { $1 }.merging(AppealTemplates.all) { $1 }
        .merging(DisputeTemplates.all) { $1 }.merging(IncidentTemplates.all) { $1 }
}
