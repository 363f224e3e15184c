/// The console's role views: moderator, arbiter, coder, owner and ops pages.
enum ConsoleRoleTemplates {
    static let all: [String: String] = AppealTemplates.all.merging(DisputeTemplates.all) { $1 }.merging(IncidentTemplates.all) { $1 }
}
