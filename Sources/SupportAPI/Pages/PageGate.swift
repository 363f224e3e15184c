import Foundation
import Hummingbird
import Logging
import SupportDomain
import SupportStore

/// What every page shares: the session from the cookie, form decoding, and the standard refusals.
struct PageGate: Sendable {
    let database: Database
    let policy: TokenPolicy

    static let formLimit = 64 << 10

    /// The signed-in session, or nil (no cookie, or a token the API would refuse).
    func session(_ request: Request, context: APIRequestContext) async throws -> PageSession? {
        guard let token = PageSession.token(in: request), !token.isEmpty else { return nil }
        do {
            let (principal, tokenID) = try await BearerAuthenticator.resolve(token, database: database, policy: policy, logger: context.logger)
            return PageSession(principal: principal, tokenID: tokenID, token: token)
        } catch let error as APIError where error.status == .unauthorized {
            return nil
        }
    }

    struct CSRFForm: Decodable { var csrf: String? }

    /// `POST <site>/logout`: revokes the session's token (the form must carry its CSRF value) and clears
    /// the cookie; without a session it only clears the cookie.
    func signOut(_ request: Request, context: APIRequestContext, loginPath: String) async throws -> Response {
        if let session = try await session(request, context: context) {
            guard try await Self.decode(CSRFForm.self, from: request).csrf == session.csrf else { return Self.csrfRefused() }
            let logger = context.logger
            _ = try await database.transaction { connection in
                try await AuthStore(connection: connection, logger: logger).revokeToken(id: session.tokenID)
            }
        }
        return Self.toLogin(loginPath)
    }

    static func decode<Form: Decodable>(_ type: Form.Type, from request: Request) async throws -> Form {
        let bytes = try await request.body.collect(upTo: formLimit)
        do {
            return try URLEncodedFormDecoder().decode(Form.self, from: String(buffer: bytes))
        } catch {
            throw APIError(.badRequest, code: "malformed_form", message: "the form could not be read")
        }
    }

    static func toLogin(_ path: String) -> Response { PageRenderer.redirect(path, headers: PageSession.clearCookie()) }

    static func csrfRefused() -> Response {
        Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: "The form expired; reload the page and try again.")))
    }
}
