import Hummingbird
import SupportDomain
import SupportSchema

/// A signed-in staff member on a console page: the session, who they are, the request context the
/// API's `Authorizer` reads, and their language.
struct ConsoleSession: Sendable {
    let page: PageSession
    let staff: StaffID
    let roles: Set<Role>
    let context: APIRequestContext
    let locale: String

    var principal: Principal { page.principal }
    var words: [String: String] { PageText.table(locale) }

    /// The values every console page starts from: title, menu (with `current` marked), sign-out form.
    func base(title: String, current: String) -> [String: Any] {
        ["title": title, "home": "/console", "brand": words["console"] ?? "", "signedIn": true, "csrf": page.csrf]
            .merging(ConsoleNav.values(roles: roles, current: current, locale: locale)) { $1 }
    }
}
