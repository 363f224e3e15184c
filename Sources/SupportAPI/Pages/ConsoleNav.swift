import SupportDomain
import SupportSchema

/// The console's menu: one entry per view the staff member's roles open, so nobody is shown a link
/// that would only answer 403.
enum ConsoleNav {
    struct Entry: Sendable {
        let key: String
        let path: String
        let shown: @Sendable (Set<Role>) -> Bool
    }

    static let entries: [Entry] = [
        Entry(key: "queue", path: "/console") { Permissions.allows(roles: $0, action: .viewQueue) },
        Entry(key: "appeals", path: "/console/appeals") { Permissions.allows(roles: $0, action: .decideAppeal) },
        Entry(key: "disputes", path: "/console/disputes") {
            Permissions.allows(roles: $0, action: .decideDispute) || Permissions.allows(roles: $0, action: .approvePayout)
        },
        Entry(key: "incidents", path: "/console/incidents") { $0.contains(.coder) || $0.contains(.owner) },
        Entry(key: "complaints", path: "/console/complaints") { Permissions.allows(roles: $0, action: .viewComplaint) },
        Entry(key: "admin", path: "/console/admin") { Permissions.allows(roles: $0, action: .manageStaff) },
        Entry(key: "reports", path: "/console/reports") { Permissions.allows(roles: $0, action: .viewReports) },
        Entry(key: "ops", path: "/console/ops") { Permissions.allows(roles: $0, action: .operateQueue) },
    ]

    /// The template values for `roles`, with `current` marked.
    static func values(roles: Set<Role>, current: String, locale: String) -> [String: Any] {
        let words = PageText.table(locale)
        let links = entries.filter { $0.shown(roles) }.map { entry -> [String: Any] in
            ["key": entry.key, "href": entry.path, "label": words["nav_\(entry.key)"] ?? entry.key, "current": entry.key == current]
        }
        return ["nav": links, "hasNav": !links.isEmpty]
    }
}
