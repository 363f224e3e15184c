import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import SupportDomain

/// The pages' session: the same bearer tokens as the API, carried in an HttpOnly, SameSite=Strict
/// cookie, plus a CSRF value derived from the token that every form posts back.
struct PageSession: Sendable {
    static let cookieName = "support_session"

    let principal: Principal
    let tokenID: Int64
    let token: String

    /// Derived, not stored: only the holder of the session token can compute it.
    var csrf: String { Self.csrf(for: token) }

    static func csrf(for token: String) -> String {
        SHA256.hash(data: Data("csrf|\(token)".utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    static func token(in request: Request) -> String? {
        guard let header = request.headers[.cookie] else { return nil }
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces)
            if pair.hasPrefix(cookieName + "=") { return String(pair.dropFirst(cookieName.count + 1)) }
        }
        return nil
    }

    static func setCookie(_ token: String, maxAge: Int, secure: Bool) -> HTTPFields {
        [.setCookie: "\(cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(maxAge)\(secure ? "; Secure" : "")"]
    }

    static func clearCookie() -> HTTPFields {
        [.setCookie: "\(cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"]
    }
}
