import Foundation
import Hummingbird
import SupportDomain
import SupportSchema
import SupportStore

/// The sign-in page of the portal or the console: the API's own throttled sign-in for one kind of
/// account, answered with the session cookie and a redirect home, or the form again with the reason.
struct PageSignIn: Sendable {
    let auth: AuthController
    let policy: TokenPolicy
    let secureCookies: Bool
    let account: AccountKind
    /// `/portal` or `/console`: where the form posts and where a signed-in person lands.
    let home: String
    /// The `PageText` key of the site's name in the header.
    let brand: String
    let renderer: PageRenderer

    struct LoginForm: Decodable { var email: String?; var password: String? }

    func add(to router: Router<APIRequestContext>) {
        let path = String(home.dropFirst()) + "/login"
        router.get(RouterPath(path)) { request, _ in page(locale: PageText.locale(acceptLanguage: request.headers[.acceptLanguage])) }
        router.post(RouterPath(path)) { request, context in try await signIn(request, context: context) }
    }

    func page(locale: String, email: String = "", error: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let words = PageText.table(locale)
        var values: [String: Any] = ["title": words["sign_in"] ?? "", "email": email, "home": home, "brand": words[brand] ?? ""]
        if let error { values["error"] = error }
        return renderer.page("portal_login", locale: locale, values: values, status: status)
    }

    func signIn(_ request: Request, context: APIRequestContext) async throws -> Response {
        let locale = PageText.locale(acceptLanguage: request.headers[.acceptLanguage])
        let words = PageText.table(locale)
        let form = try await PageGate.decode(LoginForm.self, from: request)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard !email.isEmpty, email.count <= 320, let password = form.password, !password.isEmpty else {
            return page(locale: locale, email: email, error: words["bad_credentials"], status: .badRequest)
        }
        do {
            let signedIn = try await auth.authenticate(
                account: account, login: email, password: password, kind: .session, label: String(home.dropFirst()),
                remote: context.remoteAddress?.ipAddress, logger: context.logger)
            let cookie = PageSession.setCookie(signedIn.token, maxAge: Int(policy.sessionLifetime), secure: secureCookies)
            return PageRenderer.redirect(home, headers: cookie)
        } catch let error as APIError where error.status == .unauthorized || error.status == .tooManyRequests {
            let message = error.status == .tooManyRequests ? words["too_many"] : words["bad_credentials"]
            return page(locale: locale, email: email, error: message, status: error.status)
        }
    }
}
